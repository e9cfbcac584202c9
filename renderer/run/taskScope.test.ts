import { describe, expect, it } from 'vitest';
import type { RunRecord, TaskState } from '../../shared/api/runs';
import { blankRecord } from './liveRecord';
import { fromHere, taskActionStates } from './taskScope';

const pipeline = {
  tasks: ['extract', 'clean', 'train', 'report', 'side'].map((id) => ({ id, operator: 'empty', config: {}, position: { x: 0, y: 0 } })),
  edges: [
    { from: 'extract', to: 'clean' },
    { from: 'clean', to: 'train' },
    { from: 'train', to: 'report' },
    { from: 'extract', to: 'side' },
  ],
};

function run(state: RunRecord['state'], tasks: Record<string, TaskState>): RunRecord {
  const r = blankRecord('r', 'd');
  r.state = state;
  for (const [id, s] of Object.entries(tasks)) r.tasks[id] = { task_id: id, state: s, try_number: 1, start: null, end: null, exit_code: null, tries: [] };
  return r;
}

describe('fromHere', () => {
  it('takes the task and everything downstream of it, in file order, and nothing upstream or beside it', () => {
    expect(fromHere(pipeline, 'clean')).toEqual(['clean', 'train', 'report']);
    expect(fromHere(pipeline, 'report')).toEqual(['report']);
    expect(fromHere(pipeline, 'extract')).toEqual(['extract', 'clean', 'train', 'report', 'side']);
  });
});

describe('taskActionStates', () => {
  it('offers new runs only while nothing runs, and says why not', () => {
    expect(taskActionStates(null, 'clean')['run-only']).toEqual({ enabled: true });
    expect(taskActionStates(run('running', { clean: 'running' }), 'clean')['run-from-here']).toEqual({ enabled: false, reason: 'A run is in progress' });
  });

  it('retries only a failed task', () => {
    expect(taskActionStates(run('failed', { clean: 'failed' }), 'clean').retry.enabled).toBe(true);
    const refused = taskActionStates(run('failed', { clean: 'upstream_failed' }), 'clean').retry;
    expect(refused).toEqual({ enabled: false, reason: 'Only a failed task can be retried (this one is upstream failed)' });
    expect(taskActionStates(null, 'clean').retry.enabled).toBe(false);
  });

  it('clears any task of the run on screen except one that is running', () => {
    expect(taskActionStates(run('success', { clean: 'success' }), 'clean').clear.enabled).toBe(true);
    expect(taskActionStates(run('running', { clean: 'running' }), 'clean').clear).toEqual({ enabled: false, reason: 'The task is running' });
    expect(taskActionStates(run('success', {}), 'clean').clear.enabled).toBe(false);
  });
});
