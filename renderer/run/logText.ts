import { utf8Length } from './utf8';

/** Text helpers of the log view: plain text for the accessible mirror, line counts, cutting a range at a line. */

// CSI sequences (colours, cursor moves), OSC sequences (titles, links) and two-byte escapes.
// eslint-disable-next-line no-control-regex -- escape sequences are control characters by definition
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function countNewlines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * A range read from the middle of a file starts inside a line: drops that partial line (up to and including
 * its newline) and says how many bytes went, so the caller's byte offset stays exact. Text without a newline is
 * kept whole (one enormous line is still worth showing).
 */
export function fromLineStart(text: string): { text: string; droppedBytes: number } {
  const at = text.indexOf('\n');
  if (at === -1 || at === text.length - 1) return { text, droppedBytes: 0 };
  return { text: text.slice(at + 1), droppedBytes: utf8Length(text.slice(0, at + 1)) };
}

/**
 * What a terminal line reads as plain text: escapes removed, and a carriage return (a progress bar redrawing
 * its line) keeps only what was written after it.
 */
export function plainLine(line: string): string {
  const plain = stripAnsi(line.endsWith('\r') ? line.slice(0, -1) : line);
  const cr = plain.lastIndexOf('\r');
  return cr === -1 ? plain : plain.slice(cr + 1);
}

/** The last `max` lines of `text` as plain text (a trailing newline does not count as an empty last line). */
export function lastPlainLines(text: string, max: number): string[] {
  if (max <= 0 || text === '') return [];
  let end = text.endsWith('\n') ? text.length - 1 : text.length;
  const lines: string[] = [];
  while (lines.length < max) {
    const start = text.lastIndexOf('\n', end - 1);
    lines.push(plainLine(text.slice(start + 1, end)));
    if (start === -1) break;
    end = start;
  }
  return lines.reverse();
}
