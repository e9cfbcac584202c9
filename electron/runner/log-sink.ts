import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretMasker } from './masker';

/**
 * The log of one task try: normalises the terminal's "\r\n" to "\n" (so the file reads like the same
 * command's output redirected to a file; a lone "\r" of a progress bar stays), masks secrets, and
 * writes to the log file in batches, each batch becoming one event. Batching bounds both the number of
 * write calls and the number of events (a task printing a million lines makes ~1,000 chunks, not a
 * million), and the file always holds every byte an event has announced. The file is created with the
 * first output: a try that printed nothing has no file, and reading its log gives the empty text (one
 * directory and one file less per task, which counts for a thousand quick tasks).
 */

export const FLUSH_INTERVAL_MS = 33;
export const FLUSH_BYTES = 64 * 1024;

export class LogSink {
  private fd: number | null = null;
  private closed = false;
  private pending: string[] = [];
  private pendingLength = 0;
  private heldCr = false;
  private timer: NodeJS.Timeout | null = null;
  private offset = 0;
  private lastChar = '\n';

  constructor(
    readonly file: string,
    private readonly masker: SecretMasker,
    private readonly onChunk: (offset: number, text: string) => void,
  ) {}

  /** Output of the task as it arrives. */
  write(text: string): void {
    if (this.closed || text === '') return;
    let chunk = text;
    if (this.heldCr) {
      chunk = '\r' + chunk;
      this.heldCr = false;
    }
    if (chunk.includes('\r')) {
      chunk = chunk.replace(/\r\n/g, '\n');
      if (chunk.endsWith('\r')) {
        this.heldCr = true;
        chunk = chunk.slice(0, -1);
      }
    }
    chunk = this.masker.push(chunk);
    if (chunk === '') return;
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    if (this.pendingLength >= FLUSH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  /** A line from the runner itself (a timeout, a template error), always on a line of its own. */
  note(line: string): void {
    const startsFresh = this.pendingLength > 0 ? this.pending[this.pending.length - 1]?.endsWith('\n') : this.lastChar === '\n';
    this.write(`${startsFresh ? '' : '\n'}${line}\n`);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pendingLength === 0) return;
    if (this.fd === null) {
      mkdirSync(dirname(this.file), { recursive: true });
      this.fd = openSync(this.file, 'w');
    }
    const text = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    const bytes = Buffer.from(text, 'utf8');
    writeSync(this.fd, bytes);
    const offset = this.offset;
    this.offset += bytes.length;
    this.lastChar = text[text.length - 1] as string;
    this.onChunk(offset, text);
  }

  /** The try ended: everything held back is written, the file closed. */
  close(): void {
    if (this.closed) return;
    const rest = (this.heldCr ? '\r' : '') + this.masker.end();
    this.heldCr = false;
    if (rest) {
      this.pending.push(rest);
      this.pendingLength += rest.length;
    }
    this.flush();
    this.closed = true;
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  get size(): number {
    return this.offset + Buffer.byteLength(this.pending.join(''));
  }
}
