import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunEvent } from '../../shared/api';
import { FINISHED_TASK_STATES, type RunRecord } from '../../shared/api/runs';
import { runActions, runStore } from '../store/runs';
import { blankRecord, foldRunEvent, runViewOf } from './liveRecord';
import { panel } from './runPanel';

/*
 * The run on screen, as a full record (tries, times, params), beside the designer's run-state store that paints
 * the nodes. Both follow the same run: showing a run here paints it there, and when the canvas drops its run
 * (another pipeline was opened) this store lets go of it too.
 */

export interface LiveRunState {
  record: RunRecord | null;
  /** Task lists of runs started here with a scope ("run only this task", "run from here"), by run id. */
  scopes: Readonly<Record<string, readonly string[]>>;
}

export const liveRunStore = createStore<LiveRunState>()(() => ({ record: null, scopes: {} }));

export const liveRunActions = {
  /** A run the host just started: empty until its first snapshot or events arrive. */
  begin(runId: string, dagId: string, scope: readonly string[] | null): void {
    const scopes = scope ? { ...liveRunStore.getState().scopes, [runId]: scope } : liveRunStore.getState().scopes;
    liveRunStore.setState({ record: blankRecord(runId, dagId), scopes });
    runActions.started(runId);
  },
  /** Puts a run's snapshot on screen (graph included). A snapshot of another run than the one on screen replaces it. */
  show(record: RunRecord): void {
    liveRunStore.setState({ record });
    runStore.setState(runViewOf(record), true);
  },
  event(event: RunEvent): void {
    const { record } = liveRunStore.getState();
    if (!record) return;
    const next = foldRunEvent(record, event);
    if (next !== record) liveRunStore.setState({ record: next });
  },
  clear(): void {
    if (liveRunStore.getState().record) liveRunStore.setState({ record: null });
  },
};

/** Lets go of the record when the canvas dropped its run, and picks up a run started elsewhere (e.g. the menu). */
export function followRunStore(onForeignRun: (runId: string) => void): () => void {
  return runStore.subscribe((view, previous) => {
    if (view.runId === previous.runId) return;
    const current = liveRunStore.getState().record;
    if (view.runId === null) {
      liveRunActions.clear();
      panel.showLog(null);
    }
    else if (current?.run_id !== view.runId) {
      liveRunStore.setState({ record: blankRecord(view.runId) });
      onForeignRun(view.runId);
    }
  });
}

export function useLiveRun<T>(selector: (state: LiveRunState) => T): T {
  return useStore(liveRunStore, selector);
}

/** How long a finished task took on screen, in ms; null while it has not finished. One number per node. */
export function useTaskDurationMs(taskId: string): number | null {
  return useStore(liveRunStore, (s) => {
    const ti = s.record?.tasks[taskId];
    if (!ti || !ti.start || !ti.end || !FINISHED_TASK_STATES.has(ti.state)) return null;
    return Math.max(0, Date.parse(ti.end) - Date.parse(ti.start));
  });
}
