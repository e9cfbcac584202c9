import { describe, expect, it } from 'vitest';
import { applyRunEvent, startRunView } from './runState';

const at = '2026-01-01T00:00:00Z';

describe('applyRunEvent', () => {
  it('paints task states of the current run, keeping every other task object as it was', () => {
    let view = startRunView('r1');
    view = applyRunEvent(view, { type: 'task-state', run_id: 'r1', task_id: 'a', state: 'running', try_number: 1, at });
    const before = view.tasks;
    view = applyRunEvent(view, { type: 'task-state', run_id: 'r1', task_id: 'b', state: 'queued', try_number: 0, at });
    expect(view.tasks).toEqual({ a: { state: 'running', tryNumber: 1 }, b: { state: 'queued', tryNumber: 0 } });
    expect(view.tasks.a).toBe(before.a);
  });

  it('ignores events of another run', () => {
    const view = startRunView('r1');
    expect(applyRunEvent(view, { type: 'task-state', run_id: 'r0', task_id: 'a', state: 'failed', try_number: 1, at })).toBe(view);
  });

  it('follows the run state and ignores log chunks', () => {
    let view = startRunView('r1');
    view = applyRunEvent(view, { type: 'run-state', run_id: 'r1', dag_id: 'p', state: 'success', at });
    expect(view.runState).toBe('success');
    expect(applyRunEvent(view, { type: 'log', run_id: 'r1', task_id: 'a', try_number: 1, offset: 0, text: 'x' })).toBe(view);
  });

  it('returns the same view when an event repeats the state it already shows', () => {
    let view = startRunView('r1');
    view = applyRunEvent(view, { type: 'task-state', run_id: 'r1', task_id: 'a', state: 'running', try_number: 1, at });
    expect(applyRunEvent(view, { type: 'task-state', run_id: 'r1', task_id: 'a', state: 'running', try_number: 1, at })).toBe(view);
  });
});
