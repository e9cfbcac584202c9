import type { RunEvent } from '../../shared/api';
import { FINISHED_TASK_STATES, type RunRecord, type TaskInstance, type TaskState, type TaskTry } from '../../shared/api/runs';
import type { RunView } from '../store/runState';

/*
 * The run on screen as a RunRecord (the host's own shape), so the header, the Gantt chart and the log tabs
 * read one model whether the run is live or from history: a snapshot from `runs.get`, with each later event
 * folded in. Events arrive in order, so folding them on a newer snapshot converges on the same record.
 */

/** What the UI knows of a run between the host's reply to `runs.start` and its first snapshot. */
export function blankRecord(runId: string, dagId = ''): RunRecord {
  return { run_id: runId, dag_id: dagId, pipeline_path: null, state: 'queued', params: {}, logical_date: '', start: null, end: null, pgids: [], tasks: {} };
}

const ENDS_A_TRY: ReadonlySet<TaskState> = new Set([...FINISHED_TASK_STATES, 'up_for_retry']);

function blankInstance(taskId: string): TaskInstance {
  return { task_id: taskId, state: 'none', try_number: 0, start: null, end: null, exit_code: null, tries: [] };
}

function withTry(tries: readonly TaskTry[], entry: TaskTry): TaskTry[] {
  const at = tries.findIndex((t) => t.try_number === entry.try_number);
  if (at === -1) return [...tries, entry].sort((a, b) => a.try_number - b.try_number);
  const next = tries.slice();
  next[at] = entry;
  return next;
}

export function foldRunEvent(record: RunRecord, event: RunEvent): RunRecord {
  if (event.type === 'log' || event.run_id !== record.run_id) return record;
  if (event.type === 'run-state') {
    const next: RunRecord = { ...record, state: event.state, dag_id: record.dag_id || event.dag_id };
    if (event.state === 'running') {
      next.start ??= event.at;
      next.end = null;
    } else if (event.state !== 'queued') next.end = event.at;
    return next;
  }
  const previous = record.tasks[event.task_id] ?? blankInstance(event.task_id);
  const ti: TaskInstance = { ...previous, state: event.state, try_number: Math.max(previous.try_number, event.try_number) };
  if (event.state === 'running') {
    ti.start = event.at;
    ti.end = null;
    ti.exit_code = null;
    delete ti.error;
    ti.tries = withTry(previous.tries, { try_number: event.try_number, state: 'running', start: event.at, end: null, exit_code: null, log: '' });
  } else if (ENDS_A_TRY.has(event.state)) {
    ti.end = event.at;
    if (event.exit_code !== undefined) ti.exit_code = event.exit_code;
    if (event.return_value !== undefined) ti.return_value = event.return_value;
    if (event.error !== undefined) ti.error = event.error;
    const tried = previous.tries.find((t) => t.try_number === event.try_number);
    // A task decided without running (skipped, upstream_failed) has no try to close.
    // A try that will be retried failed; the instance, not the try, is up_for_retry (as the host records it).
    const tryState = event.state === 'up_for_retry' ? 'failed' : event.state;
    if (tried) ti.tries = withTry(previous.tries, { ...tried, state: tryState, end: event.at, exit_code: event.exit_code ?? tried.exit_code });
  } else if (event.state === 'none') {
    ti.end = null;
    delete ti.error;
    delete ti.return_value;
  }
  return { ...record, tasks: { ...record.tasks, [event.task_id]: ti } };
}

/** The canvas's paint for a run (renderer/store/runState.ts), e.g. a past run opened from the history. */
export function runViewOf(record: RunRecord): RunView {
  const tasks: RunView['tasks'] = {};
  for (const [id, ti] of Object.entries(record.tasks)) {
    if (ti.state !== 'none') (tasks as Record<string, RunView['tasks'][string]>)[id] = { state: ti.state, tryNumber: ti.try_number };
  }
  return { runId: record.run_id, runState: record.state, tasks };
}

export const isActive = (record: Pick<RunRecord, 'state'> | null | undefined): boolean => record?.state === 'running' || record?.state === 'queued';
