import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/api';
import { blankRecord, foldRunEvent, isActive, runViewOf } from './liveRecord';

const ev = (task_id: string, state: Extract<RunEvent, { type: 'task-state' }>['state'], try_number: number, at: string, extra: object = {}): RunEvent => ({
  type: 'task-state',
  run_id: 'r1',
  task_id,
  state,
  try_number,
  at,
  ...extra,
});

function fold(events: RunEvent[]) {
  return events.reduce(foldRunEvent, blankRecord('r1'));
}

describe('foldRunEvent', () => {
  it('records the run start and end and each try of a task that failed once and then succeeded', () => {
    const record = fold([
      { type: 'run-state', run_id: 'r1', dag_id: 'demo', state: 'running', at: 't0' },
      ev('a', 'queued', 0, 't1'),
      ev('a', 'running', 1, 't2'),
      ev('a', 'up_for_retry', 1, 't3', { exit_code: 3, error: 'exit code 3' }),
      ev('a', 'running', 2, 't4'),
      ev('a', 'success', 2, 't5', { exit_code: 0, return_value: 'ok' }),
      { type: 'run-state', run_id: 'r1', dag_id: 'demo', state: 'success', at: 't6' },
    ]);
    expect(record).toMatchObject({ dag_id: 'demo', state: 'success', start: 't0', end: 't6' });
    expect(record.tasks.a).toMatchObject({ state: 'success', try_number: 2, start: 't4', end: 't5', exit_code: 0, return_value: 'ok' });
    expect(record.tasks.a!.error).toBeUndefined();
    expect(record.tasks.a!.tries).toEqual([
      { try_number: 1, state: 'failed', start: 't2', end: 't3', exit_code: 3, log: '' },
      { try_number: 2, state: 'success', start: 't4', end: 't5', exit_code: 0, log: '' },
    ]);
  });

  it('marks a task decided without running (upstream_failed) with an end but no try', () => {
    const record = fold([ev('b', 'upstream_failed', 0, 't9')]);
    expect(record.tasks.b).toMatchObject({ state: 'upstream_failed', try_number: 0, end: 't9', tries: [] });
  });

  it('puts a cleared task back to none, keeping its past tries, and a resumed run back to running', () => {
    let record = fold([
      { type: 'run-state', run_id: 'r1', dag_id: 'demo', state: 'running', at: 't0' },
      ev('a', 'running', 1, 't1'),
      ev('a', 'failed', 1, 't2', { exit_code: 1, error: 'boom' }),
      { type: 'run-state', run_id: 'r1', dag_id: 'demo', state: 'failed', at: 't3' },
    ]);
    record = [ev('a', 'none', 1, 't4'), { type: 'run-state', run_id: 'r1', dag_id: 'demo', state: 'running', at: 't5' } as RunEvent].reduce(foldRunEvent, record);
    expect(record).toMatchObject({ state: 'running', start: 't0', end: null });
    expect(record.tasks.a).toMatchObject({ state: 'none', try_number: 1, end: null });
    expect(record.tasks.a!.error).toBeUndefined();
    expect(record.tasks.a!.tries).toHaveLength(1);
  });

  it('leaves the record as it was for log chunks and for events of another run', () => {
    const record = fold([ev('a', 'running', 1, 't1')]);
    expect(foldRunEvent(record, { type: 'log', run_id: 'r1', task_id: 'a', try_number: 1, offset: 0, text: 'x' })).toBe(record);
    expect(foldRunEvent(record, { ...ev('a', 'failed', 1, 't2'), run_id: 'other' } as RunEvent)).toBe(record);
  });
});

describe('runViewOf', () => {
  it('paints every task that has a state, with its try number', () => {
    const record = fold([ev('a', 'success', 2, 't1'), ev('b', 'none', 0, 't1'), { type: 'run-state', run_id: 'r1', dag_id: 'd', state: 'failed', at: 't2' }]);
    expect(runViewOf(record)).toEqual({ runId: 'r1', runState: 'failed', tasks: { a: { state: 'success', tryNumber: 2 } } });
  });

  it('calls queued and running runs active', () => {
    expect(isActive({ state: 'running' })).toBe(true);
    expect(isActive({ state: 'queued' })).toBe(true);
    expect(isActive({ state: 'cancelled' })).toBe(false);
    expect(isActive(null)).toBe(false);
  });
});
