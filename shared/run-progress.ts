import type { RunEvent } from './api';
import { FINISHED_TASK_STATES, type RunRecord, type RunState, type TaskState } from './api/runs';

/*
 * How far a run is, for every place that shows it: the run header and the page title (renderer) and the taskbar's
 * progress bar (Electron's main process, which sees only the host's events and snapshots).
 */

export interface Progress {
  done: number;
  total: number;
}

/** The part of a run record progress is read from. */
export interface RunStates {
  state: RunState;
  tasks: Readonly<Record<string, { state: TaskState }>>;
}

export const isLiveState = (state: RunState | null | undefined): boolean => state === 'running' || state === 'queued';

/**
 * Tasks finished out of the tasks the run covers. A live run covers its scope (every task, or the ones "run
 * only this task" / "run from here" named); a finished run covers the tasks that got a state, because
 * out-of-scope tasks stay `none` and every task in scope ends with one.
 */
export function progressOf(record: RunStates, taskIds: readonly string[], scope?: readonly string[] | null): Progress {
  const states = record.tasks;
  const done = Object.values(states).filter((t) => FINISHED_TASK_STATES.has(t.state)).length;
  let total: number;
  if (scope && scope.length) total = new Set([...scope, ...Object.keys(states).filter((id) => states[id]!.state !== 'none')]).size;
  else if (isLiveState(record.state)) total = Math.max(taskIds.length, Object.keys(states).length);
  else total = Object.values(states).filter((t) => t.state !== 'none').length;
  return { done, total: Math.max(total, done) };
}

/** Electron's `setProgressBar` values: no bar, and a bar that moves without saying how far (more than 1). */
export const NO_BAR = -1;
export const INDETERMINATE_BAR = 2;

/**
 * The one taskbar bar for every live run: their finished tasks out of their tasks, an indeterminate bar while a
 * run's size is not known yet, no bar when nothing runs.
 */
export function progressBarValue(live: ReadonlyArray<Progress | null>): number {
  if (live.length === 0) return NO_BAR;
  let done = 0;
  let total = 0;
  for (const p of live) {
    if (!p) return INDETERMINATE_BAR;
    done += p.done;
    total += p.total;
  }
  return total > 0 ? Math.min(1, done / total) : INDETERMINATE_BAR;
}

export type TallyChange = { kind: 'started'; runId: string } | { kind: 'ended'; runId: string; dagId: string; state: RunState; tasks: Readonly<Record<string, { state: TaskState }>> } | null;

interface TalliedRun {
  dagId: string;
  state: RunState;
  tasks: Record<string, { state: TaskState }>;
  /** False until a snapshot told how many tasks the run has (events only name the tasks that moved). */
  sized: boolean;
}

/**
 * The live runs of a host as the main process follows them: events fold into each run's task states, a snapshot
 * (`runs.get`, asked for when a run goes live) sizes it and brings the states of tasks that finished before (a
 * retry resumes a run half done). Scopes are noted from the `runs.start` requests the window makes.
 */
export class LiveRunsTally {
  private readonly runs = new Map<string, TalliedRun>();
  private readonly scopes = new Map<string, readonly string[]>();

  /** The tasks a scoped run ("run only this task", "run from here") covers. */
  noteScope(runId: string, tasks: readonly string[]): void {
    this.scopes.set(runId, [...tasks]);
  }

  /** Folds one event. `started`: the run just went live (ask for its snapshot); `ended`: it just finished. */
  event(event: RunEvent): TallyChange {
    if (event.type === 'log') return null;
    const run = this.runs.get(event.run_id);
    if (event.type === 'task-state') {
      if (run) run.tasks[event.task_id] = { state: event.state };
      return null;
    }
    if (isLiveState(event.state)) {
      if (run) {
        run.state = event.state;
        return null;
      }
      this.runs.set(event.run_id, { dagId: event.dag_id, state: event.state, tasks: {}, sized: false });
      return { kind: 'started', runId: event.run_id };
    }
    if (!run) return null;
    this.runs.delete(event.run_id);
    return { kind: 'ended', runId: event.run_id, dagId: event.dag_id, state: event.state, tasks: run.tasks };
  }

  /**
   * A live run's snapshot. Its task states may be newer than the events folded so far (a reply can overtake the
   * events batched before it); the events still to come are older or newer, and each sets its task's state, so
   * the states converge on the host's.
   */
  snapshot(record: Pick<RunRecord, 'run_id' | 'tasks'>): void {
    const run = this.runs.get(record.run_id);
    if (!run) return;
    for (const [id, ti] of Object.entries(record.tasks)) run.tasks[id] = { state: ti.state };
    run.sized = true;
  }

  /** The `setProgressBar` value for every live run together. */
  barValue(): number {
    return progressBarValue(
      [...this.runs.entries()].map(([runId, run]) => (run.sized ? progressOf({ state: run.state, tasks: run.tasks }, [], this.scopes.get(runId)) : null)),
    );
  }
}
