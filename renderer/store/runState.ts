import type { RunEvent } from '../../shared/api';
import type { RunState, TaskState } from '../../shared/api/runs';

/** What the canvas paints during and after a run: one entry per task that has a state. */
export interface TaskRunView {
  state: TaskState;
  tryNumber: number;
}

export interface RunView {
  runId: string | null;
  runState: RunState | null;
  tasks: Readonly<Record<string, TaskRunView>>;
}

export const NO_RUN: RunView = { runId: null, runState: null, tasks: {} };

/**
 * Folds one host event into the run view. Events of another run are ignored, so a late event of
 * a finished run cannot repaint the graph of the next one. Only the touched task's entry changes,
 * so only that node re-renders.
 */
export function applyRunEvent(view: RunView, event: RunEvent): RunView {
  if (event.type === 'log') return view;
  if (view.runId !== null && event.run_id !== view.runId) return view;
  if (event.type === 'run-state') {
    if (view.runState === event.state && view.runId === event.run_id) return view;
    return { ...view, runId: event.run_id, runState: event.state };
  }
  const previous = view.tasks[event.task_id];
  if (previous && previous.state === event.state && previous.tryNumber === event.try_number) return view;
  return { ...view, runId: event.run_id, tasks: { ...view.tasks, [event.task_id]: { state: event.state, tryNumber: event.try_number } } };
}

export function startRunView(runId: string): RunView {
  return { runId, runState: 'queued', tasks: {} };
}
