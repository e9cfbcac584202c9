import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunEvent } from '../../shared/api';
import type { TaskState } from '../../shared/api/runs';
import { applyRunEvent, NO_RUN, startRunView, type RunView } from './runState';

/* Run states live in their own store: a stream of task-state events never wakes the editor's subscribers. */
export const runStore = createStore<RunView>()(() => NO_RUN);

export const runActions = {
  started(runId: string): void {
    runStore.setState(startRunView(runId), true);
  },
  event(event: RunEvent): void {
    const current = runStore.getState();
    const next = applyRunEvent(current, event);
    if (next !== current) runStore.setState(next, true);
  },
  clear(): void {
    runStore.setState(NO_RUN, true);
  },
};

export function useRun<T>(selector: (view: RunView) => T): T {
  return useStore(runStore, selector);
}

/** One task's state ('none' before it has one): the node re-renders only when this task's state changes. */
export function useTaskRunState(id: string): TaskState {
  return useStore(runStore, (v) => v.tasks[id]?.state ?? 'none');
}

export function useTaskTryNumber(id: string): number {
  return useStore(runStore, (v) => v.tasks[id]?.tryNumber ?? 0);
}
