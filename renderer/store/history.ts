/*
 * Undo/redo as a list of earlier documents. Documents are immutable and share structure, so an
 * entry costs only what its edit changed. Bursts of one kind of edit (typing in one field, one drag
 * gesture) coalesce into a single entry, so one Ctrl+Z undoes a word or a whole drag, not a letter.
 */

export interface History<D> {
  past: readonly D[];
  future: readonly D[];
  /** The coalescing key of the last recorded edit, and when it happened (ms). */
  lastKey: string | null;
  lastAt: number;
}

export interface Coalesce {
  key: string;
  /** How long after the previous edit with the same key this one still joins it (ms); Infinity for one gesture. */
  windowMs: number;
}

export const HISTORY_LIMIT = 300;
export const TYPING_WINDOW_MS = 1000;

export function emptyHistory<D>(): History<D> {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** Records that `before` was replaced by a new document at time `now`. */
export function record<D>(history: History<D>, before: D, now: number, coalesce?: Coalesce): History<D> {
  const joins =
    coalesce !== undefined && history.lastKey === coalesce.key && now - history.lastAt <= coalesce.windowMs && history.future.length === 0;
  if (joins) return { ...history, lastAt: now };
  const past = history.past.length >= HISTORY_LIMIT ? [...history.past.slice(1 - HISTORY_LIMIT), before] : [...history.past, before];
  return { past, future: [], lastKey: coalesce?.key ?? null, lastAt: now };
}

/** Steps back: returns the document to show and the new history, or null when there is nothing to undo. */
export function undo<D>(history: History<D>, current: D): { doc: D; history: History<D> } | null {
  const doc = history.past[history.past.length - 1];
  if (doc === undefined) return null;
  return { doc, history: { past: history.past.slice(0, -1), future: [current, ...history.future], lastKey: null, lastAt: 0 } };
}

export function redo<D>(history: History<D>, current: D): { doc: D; history: History<D> } | null {
  const doc = history.future[0];
  if (doc === undefined) return null;
  return { doc, history: { past: [...history.past, current], future: history.future.slice(1), lastKey: null, lastAt: 0 } };
}
