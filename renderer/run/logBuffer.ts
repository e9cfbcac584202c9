import { countNewlines } from './logText';
import { dropUtf8Bytes, utf8Length } from './utf8';

/**
 * The renderer's memory of one task try's log: the newest `maxBytes` of what streamed in, addressed by byte
 * offsets in the log file, so the view can ask the host for anything older. Appends are amortised O(chunk):
 * a task printing 200,000 lines must not make the UI copy its whole log on every batch.
 */
export class LogBuffer {
  /** Offset of the first byte this buffer ever received; line counts are exact when it is 0. */
  origin = -1;
  /** Offset of the first byte still held. */
  start = 0;
  /** Offset just after the last byte received. */
  end = 0;
  /** Newlines received since `origin`. */
  lines = 0;
  private chunks: string[] = [];
  private sizes: number[] = [];
  private head = 0;
  private held = 0;

  constructor(private readonly maxBytes: number) {}

  get heldBytes(): number {
    return this.held;
  }

  /** True when every byte from the start of the file streamed through this buffer (its line count is the file's). */
  get complete(): boolean {
    return this.origin === 0;
  }

  /**
   * Takes a chunk that starts at byte `offset` of the file and returns the part that was new: text already
   * held is skipped, and a chunk after a gap (events were missed) starts the buffer over at its offset.
   */
  append(offset: number, text: string): { offset: number; text: string } | null {
    if (text === '') return null;
    let bytes = utf8Length(text);
    if (this.origin === -1 || offset > this.end) this.restart(offset);
    else if (offset < this.end) {
      const overlap = this.end - offset;
      if (overlap >= bytes) return null;
      text = dropUtf8Bytes(text, overlap);
      bytes = utf8Length(text);
      offset = this.end;
    }
    this.chunks.push(text);
    this.sizes.push(bytes);
    this.held += bytes;
    this.end += bytes;
    this.lines += countNewlines(text);
    this.trim();
    return { offset, text };
  }

  /** The text held, from `start` to `end`. */
  text(): string {
    return this.chunks.slice(this.head).join('');
  }

  private restart(offset: number): void {
    this.origin = offset;
    this.start = offset;
    this.end = offset;
    this.lines = 0;
    this.chunks = [];
    this.sizes = [];
    this.head = 0;
    this.held = 0;
  }

  /* Whole chunks go, oldest first; the newest one always stays, however large. */
  private trim(): void {
    while (this.held > this.maxBytes && this.chunks.length - this.head > 1) {
      const size = this.sizes[this.head]!;
      this.held -= size;
      this.start += size;
      this.chunks[this.head] = '';
      this.head++;
    }
    if (this.head > 64 && this.head * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.head);
      this.sizes = this.sizes.slice(this.head);
      this.head = 0;
    }
  }
}
