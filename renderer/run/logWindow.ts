import { countNewlines } from './logText';
import { utf8Length } from './utf8';

/**
 * The bookkeeping of the text a log view shows: bytes [start, end) of the log file, in pieces, at most about
 * `maxLines` lines (the terminal's scrollback), with what is known of the lines before and after it. Appending
 * at the end drops whole pieces from the front (the terminal drops those lines by itself); prepending earlier
 * text drops lines from the end, cut exactly at a line, and the window then no longer reaches the live tail.
 */

interface Piece {
  text: string;
  bytes: number;
  lines: number;
}

export class LogWindow {
  start = 0;
  end = 0;
  /** Newlines inside the window. */
  lines = 0;
  /** Newlines of the file before `start` and after `end`; null when not known. */
  linesBefore: number | null = 0;
  linesAfter: number | null = 0;
  private pieces: Piece[] = [];
  private head = 0;

  constructor(readonly maxLines: number) {}

  /** Newlines of the whole log, when every part is known. */
  get totalLines(): number | null {
    return this.linesBefore === null || this.linesAfter === null ? null : this.linesBefore + this.lines + this.linesAfter;
  }

  /** The window reaches the end of what the log is known to hold (nothing was dropped from its end). */
  get atTail(): boolean {
    return this.linesAfter === 0 && !this.droppedTail;
  }

  private droppedTail = false;

  reset(start: number, linesBefore: number | null): void {
    this.start = start;
    this.end = start;
    this.lines = 0;
    this.linesBefore = linesBefore;
    this.linesAfter = 0;
    this.droppedTail = false;
    this.pieces = [];
    this.head = 0;
  }

  /** Adds text at the end (the next bytes of the file). */
  append(text: string): void {
    if (!text) return;
    const piece = { text, bytes: utf8Length(text), lines: countNewlines(text) };
    this.pieces.push(piece);
    this.lines += piece.lines;
    this.end += piece.bytes;
    while (this.lines > this.maxLines && this.pieces.length - this.head > 1) {
      const first = this.pieces[this.head]!;
      this.pieces[this.head] = { text: '', bytes: 0, lines: 0 };
      this.head++;
      this.lines -= first.lines;
      this.start += first.bytes;
      if (this.linesBefore !== null) this.linesBefore += first.lines;
    }
    if (this.head > 256 && this.head * 2 > this.pieces.length) {
      this.pieces = this.pieces.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Adds the text that ends where the window starts and begins at byte `start` (0: the start of the file).
   * Returns true when lines had to go from the end to stay within `maxLines`.
   */
  prepend(text: string, start: number): boolean {
    if (!text) return false;
    const piece = { text, bytes: utf8Length(text), lines: countNewlines(text) };
    this.pieces.splice(this.head, 0, piece);
    this.lines += piece.lines;
    this.start = start;
    if (start === 0) this.linesBefore = 0;
    else if (this.linesBefore !== null) this.linesBefore = Math.max(0, this.linesBefore - piece.lines);
    let dropped = false;
    while (this.lines > this.maxLines && this.pieces.length - this.head > 1) {
      const last = this.pieces[this.pieces.length - 1]!;
      const excess = this.lines - this.maxLines;
      if (last.lines <= excess) {
        this.pieces.pop();
        this.drop(last.bytes, last.lines);
      } else {
        const keep = cutAfterLine(last.text, last.lines - excess);
        const gone = last.text.slice(keep.length);
        this.pieces[this.pieces.length - 1] = { text: keep, bytes: last.bytes - utf8Length(gone), lines: last.lines - excess };
        this.drop(utf8Length(gone), excess);
      }
      dropped = true;
    }
    return dropped;
  }

  /** Lines that reached the log while the window was away from its end. */
  skipped(lines: number): void {
    if (this.linesAfter !== null) this.linesAfter += lines;
  }

  text(): string {
    return this.pieces
      .slice(this.head)
      .map((p) => p.text)
      .join('');
  }

  /** The newest text, at least `minLines` lines of it when the window has them. */
  tail(minLines: number): string {
    let text = '';
    let lines = 0;
    for (let i = this.pieces.length - 1; i >= this.head && lines <= minLines; i--) {
      text = this.pieces[i]!.text + text;
      lines += this.pieces[i]!.lines;
    }
    return text;
  }

  private drop(bytes: number, lines: number): void {
    this.end -= bytes;
    this.lines -= lines;
    this.droppedTail = true;
    if (this.linesAfter !== null) this.linesAfter += lines;
  }
}

/** `text` up to and including its `count`-th newline. */
function cutAfterLine(text: string, count: number): string {
  let at = -1;
  for (let i = 0; i < count; i++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return text;
  }
  return text.slice(0, at + 1);
}
