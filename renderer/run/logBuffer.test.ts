import { describe, expect, it } from 'vitest';
import { LogBuffer } from './logBuffer';

describe('LogBuffer', () => {
  it('holds a log streamed from the start, with its byte range and exact line count', () => {
    const buffer = new LogBuffer(1024);
    expect(buffer.append(0, 'one\n')).toEqual({ offset: 0, text: 'one\n' });
    buffer.append(4, 'two\nthr');
    buffer.append(11, 'ee €\n');
    expect(buffer.text()).toBe('one\ntwo\nthree €\n');
    expect(buffer).toMatchObject({ start: 0, end: 18, lines: 3, complete: true });
  });

  it('skips what it already holds when a chunk overlaps, and ignores a chunk it holds entirely', () => {
    const buffer = new LogBuffer(1024);
    buffer.append(0, 'abc€');
    expect(buffer.append(3, '€def')).toEqual({ offset: 6, text: 'def' });
    expect(buffer.append(0, 'abc')).toBeNull();
    expect(buffer.text()).toBe('abc€def');
    expect(buffer.end).toBe(9);
  });

  it('starts over after a gap, and then no longer claims to know the line count of the file', () => {
    const buffer = new LogBuffer(1024);
    buffer.append(0, 'a\n');
    buffer.append(100, 'z\n');
    expect(buffer.text()).toBe('z\n');
    expect(buffer).toMatchObject({ origin: 100, start: 100, end: 102, lines: 1, complete: false });
  });

  it('keeps only the newest bytes, dropping whole chunks, but never the newest chunk', () => {
    const buffer = new LogBuffer(10);
    let offset = 0;
    for (let i = 0; i < 200; i++) {
      const line = `line ${i}\n`;
      buffer.append(offset, line);
      offset += line.length;
    }
    expect(buffer.heldBytes).toBeLessThanOrEqual(10);
    expect(buffer.text()).toBe('line 199\n');
    expect(buffer).toMatchObject({ start: offset - 9, end: offset, lines: 200, complete: true });
    const big = 'x'.repeat(50);
    buffer.append(offset, big);
    expect(buffer.text()).toBe(big);
    expect(buffer.start).toBe(offset);
  });
});
