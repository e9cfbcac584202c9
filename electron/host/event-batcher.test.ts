import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostEvent, RunEvent } from '../../shared/api';
import { createEventBatcher } from './event-batcher';

const log = (task: string, offset: number, text: string, run = 'r1'): RunEvent => ({ type: 'log', run_id: run, task_id: task, try_number: 1, offset, text });
const state = (task: string, s: 'running' | 'success', run = 'r1'): RunEvent => ({ type: 'task-state', run_id: run, task_id: task, state: s, try_number: 1, at: 't' });

describe('the event batcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('merges consecutive log chunks of one task try and keeps states in order', () => {
    const sent: HostEvent[][] = [];
    const b = createEventBatcher({ send: (e) => void sent.push(e), now: () => Date.now() });
    b.push(state('a', 'running'));
    b.push(log('a', 0, 'héllo\n'));
    b.push(log('a', 7, 'world\n'));
    b.push(state('a', 'success'));
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([[state('a', 'running'), log('a', 0, 'héllo\nworld\n'), state('a', 'success')]]);
  });

  it('does not merge chunks that are not contiguous or belong to another task', () => {
    const sent: HostEvent[][] = [];
    const b = createEventBatcher({ send: (e) => void sent.push(e) });
    b.push(log('a', 0, 'x'));
    b.push(log('b', 0, 'y'));
    b.push(log('a', 5, 'z'));
    vi.advanceTimersByTime(100);
    expect(sent[0]).toHaveLength(3);
  });

  it('sends at most one message per run per interval however many chunks arrive', () => {
    const sent: HostEvent[][] = [];
    const b = createEventBatcher({ send: (e) => void sent.push(e), intervalMs: 34, now: () => Date.now() });
    let offset = 0;
    for (let ms = 0; ms < 1000; ms++) {
      b.push(log('a', offset, 'line\n'));
      offset += 5;
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(100);
    expect(sent.length).toBeLessThanOrEqual(31);
    expect(sent.flat().map((e) => (e.type === 'log' ? e.text : '')).join('')).toBe('line\n'.repeat(1000));
  });

  it('keeps merging while the client is behind, then delivers everything', () => {
    const sent: HostEvent[][] = [];
    let ready = false;
    const b = createEventBatcher({ send: (e) => (ready ? void sent.push(e) : false), now: () => Date.now() });
    b.push(log('a', 0, 'ab'));
    vi.advanceTimersByTime(100);
    b.push(log('a', 2, 'cd'));
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
    ready = true;
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([[log('a', 0, 'abcd')]]);
  });

  it('flush sends at once and close drops what is left', () => {
    const sent: HostEvent[][] = [];
    const b = createEventBatcher({ send: (e) => void sent.push(e) });
    b.push(log('a', 0, 'x', 'r1'));
    b.push(log('a', 0, 'y', 'r2'));
    b.flush();
    expect(sent).toHaveLength(2);
    b.push(log('a', 1, 'z', 'r1'));
    b.close();
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
  });
});

describe('the event batcher with a backlog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('splits a flood of log text into messages of at most maxLogBytes, in order, sent back to back', () => {
    const sent: HostEvent[][] = [];
    const b = createEventBatcher({ send: (e) => void sent.push(e), intervalMs: 34, maxLogBytes: 1000, now: () => Date.now() });
    let offset = 0;
    for (let i = 0; i < 100; i++) {
      const text = `line ${String(i).padStart(3, '0')} ${'x'.repeat(90)}\n`;
      b.push(log('a', offset, text));
      offset += Buffer.byteLength(text);
    }
    b.push(state('a', 'success'));
    // Ten messages within 50 ms: back to back, not one per 34 ms interval.
    vi.advanceTimersByTime(50);
    const logBytes = (m: HostEvent[]) => m.reduce((n, e) => n + (e.type === 'log' ? Buffer.byteLength(e.text) : 0), 0);
    expect(sent.length).toBeGreaterThanOrEqual(10);
    for (const m of sent) expect(logBytes(m)).toBeLessThanOrEqual(1000);
    const all = sent.flat();
    expect(all.map((e) => (e.type === 'log' ? e.text : '')).join('')).toHaveLength(offset);
    expect(all[all.length - 1]).toEqual(state('a', 'success'));
    let at = 0;
    for (const e of all) {
      if (e.type !== 'log') continue;
      expect(e.offset).toBe(at);
      at += Buffer.byteLength(e.text);
    }
  });

  it('flush sends a whole backlog now, as several bounded messages', () => {
    const sent: HostEvent[][] = [];
    const b = createEventBatcher({ send: (e) => void sent.push(e), maxLogBytes: 10 });
    b.push(log('a', 0, 'abcdefgh'));
    b.push(log('a', 8, 'ijklmnop'));
    b.push(log('a', 16, 'qrstuvwx'));
    b.flush();
    expect(sent.map((m) => m.map((e) => (e.type === 'log' ? e.text : '')).join(''))).toEqual(['abcdefghijklmnop', 'qrstuvwx']);
  });
});
