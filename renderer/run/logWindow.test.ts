import { describe, expect, it } from 'vitest';
import { LogWindow } from './logWindow';

const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join('');

describe('LogWindow', () => {
  it('follows a log streamed from its start: byte range and the exact line count', () => {
    const w = new LogWindow(100);
    w.reset(0, 0);
    w.append('a\nb');
    w.append('c\n€\n');
    expect(w.text()).toBe('a\nbc\n€\n');
    expect(w).toMatchObject({ start: 0, end: 9, lines: 3, totalLines: 3, atTail: true });
  });

  it('drops whole pieces from the front past its line limit, still counting every line', () => {
    const w = new LogWindow(10);
    w.reset(0, 0);
    for (let i = 0; i < 10; i++) w.append(lines(i * 5 + 1, i * 5 + 5));
    expect(w.lines).toBeLessThanOrEqual(10);
    expect(w.text().endsWith('line 50\n')).toBe(true);
    expect(w.totalLines).toBe(50);
    expect(w.start).toBe(lines(1, 50).length - w.text().length);
  });

  it('opened on the tail of a file, does not know the line count until the start is loaded', () => {
    const file = lines(1, 30);
    const tailStart = lines(1, 20).length;
    const w = new LogWindow(100);
    w.reset(tailStart, null);
    w.append(file.slice(tailStart));
    expect(w.totalLines).toBeNull();
    expect(w.prepend(file.slice(0, tailStart), 0)).toBe(false);
    expect(w.text()).toBe(file);
    expect(w).toMatchObject({ start: 0, end: file.length, totalLines: 30, atTail: true });
  });

  it('cuts the end at a line when earlier text makes it too long, and then knows it is away from the tail', () => {
    const file = lines(1, 30);
    const tailStart = lines(1, 20).length;
    const w = new LogWindow(15);
    w.reset(tailStart, null);
    w.append(file.slice(tailStart));
    expect(w.prepend(file.slice(lines(1, 10).length, tailStart), lines(1, 10).length)).toBe(true);
    expect(w.text()).toBe(lines(11, 25));
    expect(w).toMatchObject({ start: lines(1, 10).length, end: lines(1, 25).length, lines: 15, atTail: false });
    expect(w.totalLines).toBeNull();
    w.prepend(lines(1, 10), 0);
    expect(w.text()).toBe(lines(1, 15));
    expect(w.totalLines).toBe(30);
  });

  it('counts lines that arrived while it was away from the tail', () => {
    const w = new LogWindow(5);
    w.reset(0, 0);
    w.append(lines(6, 8));
    w.prepend(lines(1, 5), 0);
    w.skipped(4);
    expect(w.totalLines).toBe(12);
    expect(w.tail(2)).toBe(lines(1, 5));
  });
});
