import { describe, expect, it } from 'vitest';
import { countNewlines, fromLineStart, lastPlainLines, plainLine, stripAnsi } from './logText';

describe('stripAnsi', () => {
  it('removes colours, cursor moves and window titles, keeping the words', () => {
    expect(stripAnsi('\u001b[1;31mERROR\u001b[0m disk full')).toBe('ERROR disk full');
    expect(stripAnsi('\u001b[2K\u001b[1Gprogress 50%')).toBe('progress 50%');
    expect(stripAnsi('\u001b]0;title\u0007done')).toBe('done');
    expect(stripAnsi('no escapes at all')).toBe('no escapes at all');
  });
});

describe('countNewlines', () => {
  it('counts line ends, with or without carriage returns', () => {
    expect(countNewlines('')).toBe(0);
    expect(countNewlines('a')).toBe(0);
    expect(countNewlines('a\nb\n')).toBe(2);
    expect(countNewlines('a\r\nb\r\nc')).toBe(2);
  });
});

describe('fromLineStart', () => {
  it('drops the partial first line of a range and counts its bytes', () => {
    expect(fromLineStart('tail of line\nnext\nlast\n')).toEqual({ text: 'next\nlast\n', droppedBytes: 13 });
    expect(fromLineStart('é\nx')).toEqual({ text: 'x', droppedBytes: 3 });
  });

  it('keeps text that has no line start inside it', () => {
    expect(fromLineStart('one long line')).toEqual({ text: 'one long line', droppedBytes: 0 });
    expect(fromLineStart('ends here\n')).toEqual({ text: 'ends here\n', droppedBytes: 0 });
  });
});

describe('plainLine and lastPlainLines', () => {
  it('shows what a terminal shows after a carriage return redraws the line', () => {
    expect(plainLine('10%\r50%\r100%')).toBe('100%');
    expect(plainLine('\u001b[32mok\u001b[0m\r')).toBe('ok');
  });

  it('returns the last lines in order, as plain text', () => {
    const text = 'one\r\n\u001b[31mtwo\u001b[0m\r\nthree\r\n';
    expect(lastPlainLines(text, 2)).toEqual(['two', 'three']);
    expect(lastPlainLines(text, 10)).toEqual(['one', 'two', 'three']);
    expect(lastPlainLines('partial', 3)).toEqual(['partial']);
    expect(lastPlainLines('', 3)).toEqual([]);
  });
});
