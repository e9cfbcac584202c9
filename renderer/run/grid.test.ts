import { describe, expect, it } from 'vitest';
import type { RunRecord, RunSummary, TaskState } from '../../shared/api/runs';
import { gridOf } from './grid';
import { blankRecord } from './liveRecord';

function run(id: string, tasks: Record<string, TaskState>): [RunSummary, RunRecord] {
  const r = blankRecord(id, 'd');
  r.state = 'success';
  for (const [t, s] of Object.entries(tasks)) r.tasks[t] = { task_id: t, state: s, try_number: s === 'none' ? 0 : 1, start: null, end: null, exit_code: null, tries: [] };
  const { tasks: _tasks, pgids: _pgids, ...summary } = r;
  return [summary, r];
}

describe('gridOf', () => {
  it('puts the oldest run on the left and the current pipeline’s tasks first, then tasks only old runs had', () => {
    const [s1, r1] = run('old', { a: 'failed', gone: 'success' });
    const [s2, r2] = run('new', { a: 'success', b: 'running' });
    const model = gridOf([s2, s1], new Map([['old', r1], ['new', r2]]), ['a', 'b']);
    expect(model.runs.map((r) => r.run_id)).toEqual(['old', 'new']);
    expect(model.taskIds).toEqual(['a', 'b', 'gone']);
    expect(model.cells).toEqual([
      [{ state: 'failed', tryNumber: 1 }, { state: 'success', tryNumber: 1 }],
      [null, { state: 'running', tryNumber: 1 }],
      [{ state: 'success', tryNumber: 1 }, null],
    ]);
  });

  it('leaves a run’s column empty until its record arrives', () => {
    const [s1] = run('r1', { a: 'success' });
    expect(gridOf([s1], new Map(), ['a']).cells).toEqual([[null]]);
  });
});
