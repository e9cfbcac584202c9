import { describe, expect, it } from 'vitest';
import type { RunRecord, TaskState } from '../../shared/api/runs';
import { elapsedMs, formatDuration, progressOf, titleFor } from './progress';
import { blankRecord } from './liveRecord';

function record(state: RunRecord['state'], tasks: Record<string, TaskState>): RunRecord {
  const r = blankRecord('r1', 'demo');
  r.state = state;
  for (const [id, s] of Object.entries(tasks)) r.tasks[id] = { task_id: id, state: s, try_number: 1, start: null, end: null, exit_code: null, tries: [] };
  return r;
}

describe('progressOf', () => {
  it('counts finished tasks out of every task of the pipeline while a full run is live', () => {
    expect(progressOf(record('running', { a: 'success', b: 'running', c: 'none' }), ['a', 'b', 'c', 'd'])).toEqual({ done: 1, total: 4 });
  });

  it('counts out of the scope of a "run from here" run', () => {
    expect(progressOf(record('running', { a: 'none', b: 'success', c: 'queued' }), ['a', 'b', 'c'], ['b', 'c'])).toEqual({ done: 1, total: 2 });
  });

  it('counts out of the tasks that got a state once a run has ended', () => {
    const r = record('failed', { a: 'success', b: 'failed', c: 'upstream_failed', d: 'none' });
    expect(progressOf(r, ['a', 'b', 'c', 'd'])).toEqual({ done: 3, total: 3 });
  });
});

describe('durations', () => {
  it('measures to the end, or to now while there is no end, and nothing without a start', () => {
    expect(elapsedMs('2026-01-01T00:00:00Z', '2026-01-01T00:00:05Z', 0)).toBe(5000);
    expect(elapsedMs('2026-01-01T00:00:00Z', null, Date.parse('2026-01-01T00:01:00Z'))).toBe(60_000);
    expect(elapsedMs(null, null, 0)).toBeNull();
  });

  it('words a duration briefly at every scale', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(420)).toBe('0.4s');
    expect(formatDuration(9_999)).toBe('9.9s');
    expect(formatDuration(12_345)).toBe('12s');
    expect(formatDuration(185_000)).toBe('3m 05s');
    expect(formatDuration(7_260_000)).toBe('2h 01m');
  });
});

describe('titleFor', () => {
  it('shows the progress in the title only while the run is live', () => {
    expect(titleFor('dagstudio', 'running', { done: 3, total: 4 }, 'demo')).toBe('[3/4 · 75%] demo — dagstudio');
    expect(titleFor('dagstudio', 'success', { done: 4, total: 4 }, 'demo')).toBe('dagstudio');
    expect(titleFor('dagstudio', null, null, 'demo')).toBe('dagstudio');
  });
});
