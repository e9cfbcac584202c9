import { describe, expect, it } from 'vitest';
import { axisTicks, ganttOf } from './gantt';
import { blankRecord } from './liveRecord';

const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();

describe('ganttOf', () => {
  it('places each try of each task on an axis from the run start to its end', () => {
    const r = blankRecord('r', 'd');
    Object.assign(r, { state: 'success', start: t(0), end: t(10) });
    r.tasks.a = { task_id: 'a', state: 'success', try_number: 1, start: t(0), end: t(4), exit_code: 0, tries: [{ try_number: 1, state: 'success', start: t(0), end: t(4), exit_code: 0, log: '' }] };
    r.tasks.b = {
      task_id: 'b',
      state: 'success',
      try_number: 2,
      start: t(6),
      end: t(10),
      exit_code: 0,
      tries: [
        { try_number: 1, state: 'up_for_retry', start: t(4), end: t(5), exit_code: 1, log: '' },
        { try_number: 2, state: 'success', start: t(6), end: t(10), exit_code: 0, log: '' },
      ],
    };
    r.tasks.c = { task_id: 'c', state: 'none', try_number: 0, start: null, end: null, exit_code: null, tries: [] };
    const model = ganttOf(r, ['b', 'a', 'c'], Date.parse(t(99)));
    expect(model.spanMs).toBe(10_000);
    expect(model.rows.map((row) => row.taskId)).toEqual(['b', 'a']);
    expect(model.rows[0]!.bars).toEqual([
      { tryNumber: 1, state: 'up_for_retry', left: 0.4, width: 0.1, durationMs: 1000 },
      { tryNumber: 2, state: 'success', left: 0.6, width: 0.4, durationMs: 4000 },
    ]);
  });

  it('runs the axis and an unfinished bar up to now while the run is live', () => {
    const r = blankRecord('r', 'd');
    Object.assign(r, { state: 'running', start: t(0) });
    r.tasks.a = { task_id: 'a', state: 'running', try_number: 1, start: t(2), end: null, exit_code: null, tries: [{ try_number: 1, state: 'running', start: t(2), end: null, exit_code: null, log: '' }] };
    const model = ganttOf(r, ['a'], Date.parse(t(8)));
    expect(model.spanMs).toBe(8000);
    expect(model.rows[0]!.bars[0]).toMatchObject({ left: 0.25, width: 0.75, durationMs: 6000 });
  });

  it('is empty before anything started', () => {
    expect(ganttOf(blankRecord('r'), [], 5).rows).toEqual([]);
  });
});

describe('axisTicks', () => {
  it('picks round steps', () => {
    expect(axisTicks(10_000)).toEqual([0, 2000, 4000, 6000, 8000, 10_000]);
    expect(axisTicks(0)).toEqual([0]);
    expect(axisTicks(3_000_000).every((v, i, all) => i === 0 || v - all[i - 1]! === 600_000)).toBe(true);
  });
});
