import { describe, expect, it } from 'vitest';
import { LastLineTracker } from './last-line';

const last = (chunks: string[]) => {
  const t = new LastLineTracker();
  for (const c of chunks) t.push(c);
  return t.value();
};

describe('LastLineTracker', () => {
  it('keeps the last non-empty line, across chunks', () => {
    expect(last(['first\nsec', 'ond\n\n  \n'])).toBe('second');
    expect(last(['a\nb'])).toBe('b');
    expect(last([''])).toBe('');
  });

  it('keeps what a terminal shows: no colours, the last drawing of a redrawn line, no trailing \\r', () => {
    expect(last(['\u001b[32mdone\u001b[0m\r\n'])).toBe('done');
    expect(last(['10%\r50%\r100%\r\n'])).toBe('100%');
  });
});
