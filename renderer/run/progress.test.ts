import { describe, expect, it } from 'vitest';
import { elapsedMs, formatDuration, titleFor } from './progress';

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
