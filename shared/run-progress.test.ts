import { describe, expect, it } from 'vitest';
import type { RunEvent } from './api';
import type { RunRecord, RunState, TaskState } from './api/runs';
import { INDETERMINATE_BAR, LiveRunsTally, NO_BAR, progressBarValue, progressOf } from './run-progress';

function states(state: RunState, tasks: Record<string, TaskState>) {
  return { state, tasks: Object.fromEntries(Object.entries(tasks).map(([id, s]) => [id, { state: s }])) };
}

const runState = (run_id: string, state: RunState, dag_id = 'demo'): RunEvent => ({ type: 'run-state', run_id, dag_id, state, at: '2026-01-01T00:00:00.000Z' });
const taskState = (run_id: string, task_id: string, state: TaskState): RunEvent => ({ type: 'task-state', run_id, task_id, state, try_number: 1, at: '2026-01-01T00:00:00.000Z' });

function snapshot(run_id: string, tasks: Record<string, TaskState>): Pick<RunRecord, 'run_id' | 'tasks'> {
  const out: RunRecord['tasks'] = {};
  for (const [id, state] of Object.entries(tasks)) out[id] = { task_id: id, state, try_number: 1, start: null, end: null, exit_code: null, tries: [] };
  return { run_id, tasks: out };
}

describe('progressOf', () => {
  it('counts finished tasks out of every task of the pipeline while a full run is live', () => {
    expect(progressOf(states('running', { a: 'success', b: 'running', c: 'none' }), ['a', 'b', 'c', 'd'])).toEqual({ done: 1, total: 4 });
  });

  it('counts out of the scope of a "run from here" run', () => {
    expect(progressOf(states('running', { a: 'none', b: 'success', c: 'queued' }), ['a', 'b', 'c'], ['b', 'c'])).toEqual({ done: 1, total: 2 });
  });

  it('counts out of the tasks that got a state once a run has ended', () => {
    expect(progressOf(states('failed', { a: 'success', b: 'failed', c: 'upstream_failed', d: 'none' }), ['a', 'b', 'c', 'd'])).toEqual({ done: 3, total: 3 });
  });
});

describe('progressBarValue', () => {
  it('shows no bar when nothing runs, and an indeterminate bar while a run has no known size', () => {
    expect(progressBarValue([])).toBe(NO_BAR);
    expect(progressBarValue([null])).toBe(INDETERMINATE_BAR);
    expect(progressBarValue([{ done: 1, total: 2 }, null])).toBe(INDETERMINATE_BAR);
    expect(progressBarValue([{ done: 0, total: 0 }])).toBe(INDETERMINATE_BAR);
  });

  it('adds every live run into one fraction', () => {
    expect(progressBarValue([{ done: 1, total: 4 }])).toBe(0.25);
    expect(progressBarValue([{ done: 1, total: 4 }, { done: 3, total: 4 }])).toBe(0.5);
  });
});

describe('LiveRunsTally', () => {
  it('asks for a snapshot when a run goes live and shows an indeterminate bar until it comes', () => {
    const tally = new LiveRunsTally();
    expect(tally.barValue()).toBe(NO_BAR);
    expect(tally.event(runState('r1', 'queued'))).toEqual({ kind: 'started', runId: 'r1' });
    expect(tally.event(runState('r1', 'running'))).toBeNull();
    expect(tally.barValue()).toBe(INDETERMINATE_BAR);
    tally.snapshot(snapshot('r1', { a: 'none', b: 'none', c: 'none', d: 'none' }));
    expect(tally.barValue()).toBe(0);
  });

  it('moves the bar as tasks finish, back when one is cleared or waits to retry', () => {
    const tally = new LiveRunsTally();
    tally.event(runState('r1', 'running'));
    tally.snapshot(snapshot('r1', { a: 'none', b: 'none', c: 'none', d: 'none' }));
    tally.event(taskState('r1', 'a', 'running'));
    tally.event(taskState('r1', 'a', 'success'));
    expect(tally.barValue()).toBe(0.25);
    tally.event(taskState('r1', 'b', 'up_for_retry'));
    expect(tally.barValue()).toBe(0.25);
    tally.event(taskState('r1', 'b', 'failed'));
    tally.event(taskState('r1', 'c', 'upstream_failed'));
    expect(tally.barValue()).toBe(0.75);
    tally.event(taskState('r1', 'a', 'none'));
    expect(tally.barValue()).toBe(0.5);
  });

  it('keeps the states of a snapshot that overtook older events, which the newer events then settle', () => {
    const tally = new LiveRunsTally();
    tally.event(runState('r1', 'running'));
    tally.snapshot(snapshot('r1', { a: 'success', b: 'running' }));
    tally.event(taskState('r1', 'a', 'running'));
    tally.event(taskState('r1', 'a', 'success'));
    expect(tally.barValue()).toBe(0.5);
  });

  it('counts a retried run from the tasks that already finished', () => {
    const tally = new LiveRunsTally();
    tally.event(runState('r1', 'running'));
    tally.snapshot(snapshot('r1', { a: 'success', b: 'success', c: 'none', d: 'none' }));
    expect(tally.barValue()).toBe(0.5);
  });

  it('counts a scoped run out of its scope', () => {
    const tally = new LiveRunsTally();
    tally.noteScope('r1', ['c']);
    tally.event(runState('r1', 'running'));
    tally.snapshot(snapshot('r1', { a: 'none', b: 'none', c: 'none', d: 'none' }));
    expect(tally.barValue()).toBe(0);
    tally.event(taskState('r1', 'c', 'success'));
    expect(tally.barValue()).toBe(1);
  });

  it('reports a run that ended once, with its pipeline, state and tasks, then forgets it', () => {
    const tally = new LiveRunsTally();
    tally.event(runState('r1', 'running', 'pets'));
    tally.event(runState('r2', 'running'));
    tally.snapshot(snapshot('r1', { a: 'none' }));
    tally.snapshot(snapshot('r2', { x: 'none', y: 'none' }));
    tally.event(taskState('r1', 'a', 'failed'));
    expect(tally.event(runState('r1', 'failed', 'pets'))).toEqual({ kind: 'ended', runId: 'r1', dagId: 'pets', state: 'failed', tasks: { a: { state: 'failed' } } });
    expect(tally.event(runState('r1', 'failed', 'pets'))).toBeNull();
    expect(tally.barValue()).toBe(0);
    tally.event(runState('r2', 'success'));
    expect(tally.barValue()).toBe(NO_BAR);
  });

  it('ignores snapshots and events of runs it does not follow', () => {
    const tally = new LiveRunsTally();
    tally.snapshot(snapshot('r9', { a: 'success' }));
    expect(tally.event(taskState('r9', 'a', 'success'))).toBeNull();
    expect(tally.event({ type: 'log', run_id: 'r9', task_id: 'a', try_number: 1, offset: 0, text: 'x' })).toBeNull();
    expect(tally.barValue()).toBe(NO_BAR);
  });
});
