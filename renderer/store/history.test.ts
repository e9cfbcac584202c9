import { describe, expect, it } from 'vitest';
import { emptyHistory, HISTORY_LIMIT, record, redo, undo } from './history';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = emptyHistory<string>();
    h = record(h, 'v1', 0);
    h = record(h, 'v2', 10);
    const u1 = undo(h, 'v3')!;
    expect(u1.doc).toBe('v2');
    const u2 = undo(u1.history, u1.doc)!;
    expect(u2.doc).toBe('v1');
    expect(undo(u2.history, u2.doc)).toBeNull();
    const r1 = redo(u2.history, u2.doc)!;
    expect(r1.doc).toBe('v2');
    expect(redo(r1.history, r1.doc)!.doc).toBe('v3');
  });

  it('joins edits with the same key inside the window into one step', () => {
    let h = emptyHistory<string>();
    h = record(h, 'a', 0, { key: 'config:t:command', windowMs: 1000 });
    h = record(h, 'ab', 500, { key: 'config:t:command', windowMs: 1000 });
    h = record(h, 'abc', 1200, { key: 'config:t:command', windowMs: 1000 });
    expect(h.past).toEqual(['a']);
    expect(undo(h, 'abcd')!.doc).toBe('a');
  });

  it('starts a new step after a pause or a different key', () => {
    let h = emptyHistory<string>();
    h = record(h, 'a', 0, { key: 'k', windowMs: 1000 });
    h = record(h, 'b', 5000, { key: 'k', windowMs: 1000 });
    h = record(h, 'c', 5100, { key: 'other', windowMs: 1000 });
    expect(h.past).toEqual(['a', 'b', 'c']);
  });

  it('never joins an edit onto one made before an undo', () => {
    let h = emptyHistory<string>();
    h = record(h, 'a', 0, { key: 'k', windowMs: 1000 });
    const u = undo(h, 'b')!;
    const again = record(u.history, 'a', 10, { key: 'k', windowMs: 1000 });
    expect(again.past).toEqual(['a']);
    expect(again.future).toEqual([]);
  });

  it('a new edit clears the redo list', () => {
    let h = record(emptyHistory<string>(), 'a', 0);
    h = undo(h, 'b')!.history;
    expect(h.future).toEqual(['b']);
    expect(record(h, 'a', 1).future).toEqual([]);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    let h = emptyHistory<number>();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = record(h, i, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});
