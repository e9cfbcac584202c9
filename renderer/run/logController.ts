import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon, type ISearchOptions } from '@xterm/addon-search';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { countNewlines, fromLineStart, lastPlainLines } from './logText';
import { logBuffer, onLogChunk } from './logStore';
import { LogWindow } from './logWindow';
import { dropUtf8Bytes, utf8Length } from './utf8';

/*
 * One task try's log in a terminal (xterm.js: ANSI colours, fast appends, native scroll that stops following
 * when the user scrolls up). The terminal holds a window of the log file — bytes [windowStart, windowEnd) —
 * never the whole of a 100 MB log: it opens on the tail, reads earlier ranges from the file when scrolled to
 * the top, and takes live chunks as they stream. Writes are gathered per animation frame, and xterm parses
 * them in time slices, so a task printing hundreds of thousands of lines never blocks the page.
 */

export interface LogTarget {
  runId: string;
  taskId: string;
  tryNumber: number;
}

export type ReadLog = (start: number, end: number) => Promise<{ text: string; start: number; end: number; size: number }>;

export interface LogViewState {
  /** The view scrolls with new output (false once the user scrolled up). */
  following: boolean;
  /** The window reaches the newest text known; false after scrolling far back dropped the tail. */
  attached: boolean;
  loading: boolean;
  /** Lines of the whole log, when they were all seen (streamed or read from its start); null otherwise. */
  lines: number | null;
  /** Bytes of the log known so far. */
  size: number;
  /** Where the window starts in the file: above 0, earlier text can be loaded. */
  windowStart: number;
  search: { index: number; count: number } | null;
  error: string | null;
}

/** Bytes read when a log opens from its file (its tail) and each time the view scrolls to the top. */
export const TAIL_BYTES = 256 * 1024;
export const EARLIER_BYTES = 256 * 1024;
/** Lines the terminal keeps; the window is trimmed to about this many. */
export const WINDOW_LINES = 20_000;
/** Plain-text lines mirrored in the DOM for screen readers, find-in-page and tests. */
export const MIRROR_LINES = 400;
const MIRROR_EVERY_MS = 200;
/* xterm parses one write() in one go and yields between writes (after ~12 ms): big writes go in slices. */
const WRITE_SLICE = 32 * 1024;
/* Output arriving faster than this per showing is a flood, shown every FLOOD_EVERY_MS. */
const FLOOD_CHARS = 16 * 1024;
const FLOOD_EVERY_MS = 100;

const THEME = {
  background: '#101318',
  foreground: '#d8dde6',
  cursor: '#101318',
  cursorAccent: '#101318',
  selectionBackground: '#3b4a6b',
  black: '#5c6370',
  red: '#f87171',
  green: '#4ade80',
  yellow: '#facc15',
  blue: '#60a5fa',
  magenta: '#c084fc',
  cyan: '#22d3ee',
  white: '#d8dde6',
  brightBlack: '#6b7280',
  brightRed: '#fca5a5',
  brightGreen: '#86efac',
  brightYellow: '#fde68a',
  brightBlue: '#93c5fd',
  brightMagenta: '#d8b4fe',
  brightCyan: '#67e8f9',
  brightWhite: '#ffffff',
};

const SEARCH: ISearchOptions = {
  decorations: {
    matchBackground: '#5b4a00',
    matchBorder: '#facc15',
    matchOverviewRuler: '#facc15',
    activeMatchBackground: '#a16207',
    activeMatchBorder: '#fde68a',
    activeMatchColorOverviewRuler: '#fde68a',
  },
};

export class LogController {
  private readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly searchAddon = new SearchAddon({ highlightLimit: 2000 });
  private state: LogViewState = { following: true, attached: true, loading: true, lines: null, size: 0, windowStart: 0, search: null, error: null };
  private readonly window = new LogWindow(WINDOW_LINES);
  /** Bytes of the log known so far (it may be past the window's end). */
  private size = 0;
  private pending: string[] = [];
  private frame = 0;
  private floodTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = -Infinity;
  private lastFlushLength = 0;
  private chain: Promise<void> = Promise.resolve();
  private mirrorTimer: ReturnType<typeof setTimeout> | null = null;
  private lastMirror = -Infinity;
  private loadingEarlier = false;
  private scrollFrame = 0;
  private disposed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly mirror: HTMLElement,
    private readonly target: LogTarget,
    private readonly readLog: ReadLog,
    private readonly onState: (state: LogViewState) => void,
  ) {
    this.term = new Terminal({
      disableStdin: true,
      convertEol: true,
      scrollback: WINDOW_LINES,
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--mono').trim() || 'monospace',
      fontSize: 12,
      lineHeight: 1.25,
      cursorBlink: false,
      cursorInactiveStyle: 'none',
      allowProposedApi: true,
      overviewRulerWidth: 8,
      theme: THEME,
    });
    this.term.loadAddon(this.fitAddon);
    this.term.loadAddon(this.searchAddon);
    this.term.open(container);
    this.fit();
    // The terminal scrolls on every line fed while it follows: look at the position once a frame, not per line.
    const onScroll = () => {
      if (!this.scrollFrame) this.scrollFrame = requestAnimationFrame(() => this.scrolled());
    };
    const scrolled = this.term.onScroll(onScroll);
    const viewport = container.querySelector('.xterm-viewport');
    viewport?.addEventListener('scroll', onScroll, { passive: true });
    /* The wheel goes through the terminal's API rather than its viewport: a scroll of the viewport can be undone by
       the next batch of output resizing it, and then the user's "stop following" would be lost. */
    let rows = 0;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.deltaY === 0) return;
      event.preventDefault();
      event.stopPropagation();
      const rowPx = (this.term.options.fontSize ?? 12) * (this.term.options.lineHeight ?? 1);
      rows += event.deltaMode === 1 ? event.deltaY : event.deltaMode === 2 ? event.deltaY * this.term.rows : event.deltaY / rowPx;
      const whole = Math.trunc(rows);
      if (whole === 0) return;
      rows -= whole;
      this.term.scrollLines(whole);
      onScroll();
    };
    container.addEventListener('wheel', onWheel, { capture: true, passive: false });
    const results = this.searchAddon.onDidChangeResults((r) => this.set({ search: { index: r.resultIndex, count: r.resultCount } }));
    this.cleanups.push(
      () => scrolled.dispose(),
      () => viewport?.removeEventListener('scroll', onScroll),
      () => container.removeEventListener('wheel', onWheel, { capture: true }),
      () => results.dispose(),
    );
    void this.open();
  }

  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    if (this.floodTimer) clearTimeout(this.floodTimer);
    cancelAnimationFrame(this.scrollFrame);
    if (this.mirrorTimer) clearTimeout(this.mirrorTimer);
    for (const cleanup of this.cleanups) cleanup();
    this.term.dispose();
  }

  fit(): void {
    if (this.disposed || !this.container.clientWidth || !this.container.clientHeight) return;
    try {
      this.fitAddon.fit();
    } catch {
      // A container that is not laid out yet has no size to fit; the next resize fits it.
    }
  }

  /** Scrolls to the newest line and follows again (reloading the tail when the window had let go of it). */
  follow(): void {
    if (!this.window.atTail) {
      void this.reloadTail();
      return;
    }
    this.term.scrollToBottom();
    this.set({ following: true });
  }

  find(term: string, backwards = false): boolean {
    if (!term) {
      this.clearSearch();
      return false;
    }
    const found = backwards ? this.searchAddon.findPrevious(term, SEARCH) : this.searchAddon.findNext(term, { ...SEARCH, incremental: false });
    if (found) this.set({ following: false });
    return found;
  }

  clearSearch(): void {
    this.searchAddon.clearDecorations();
    this.term.clearSelection();
    this.set({ search: null });
  }

  /** The selected text, or else the whole window, as plain text. */
  copyText(): string {
    const selected = this.term.getSelection();
    if (selected) return selected;
    return lastPlainLines(this.window.text(), Number.MAX_SAFE_INTEGER).join('\n') + '\n';
  }

  // ---- loading

  private async open(): Promise<void> {
    const { runId, taskId, tryNumber } = this.target;
    const buffer = logBuffer(runId, taskId, tryNumber);
    // Live chunks queue behind the first load, so none is lost or written twice.
    this.cleanups.push(onLogChunk(runId, taskId, tryNumber, (chunk) => this.enqueue(chunk.offset, chunk.text)));
    this.chain = this.chain.then(async () => {
      if (buffer?.complete) {
        const held = buffer.text();
        const cut = buffer.start > 0 ? fromLineStart(held) : { text: held, droppedBytes: 0 };
        this.window.reset(buffer.start + cut.droppedBytes, buffer.lines - countNewlines(cut.text));
        this.show(cut.text);
      } else await this.loadTail();
      if (buffer && buffer.end > this.window.end) this.accept(buffer.start, buffer.text());
    });
    await this.settle();
  }

  private async loadTail(): Promise<void> {
    const first = await this.readLog(0, TAIL_BYTES);
    this.size = Math.max(this.size, first.size);
    if (first.size <= first.end) {
      this.window.reset(0, 0);
      this.show(first.text);
      return;
    }
    const tail = await this.readLog(Math.max(0, first.size - TAIL_BYTES), first.size);
    this.size = Math.max(this.size, tail.size);
    const cut = tail.start > 0 ? fromLineStart(tail.text) : { text: tail.text, droppedBytes: 0 };
    this.window.reset(tail.start + cut.droppedBytes, tail.start === 0 ? 0 : null);
    this.show(cut.text);
  }

  private async reloadTail(): Promise<void> {
    this.chain = this.chain.then(async () => {
      this.term.reset();
      this.pending = [];
      this.set({ loading: true, attached: true, following: true });
      await this.loadTail();
    });
    await this.settle();
  }

  private async settle(): Promise<void> {
    try {
      await this.chain;
      this.publish({ loading: false, error: null });
    } catch (error) {
      this.publish({ loading: false, error: error instanceof Error ? error.message : String(error) });
      this.chain = Promise.resolve();
    }
  }

  private enqueue(offset: number, text: string): void {
    this.chain = this.chain
      .then(async () => {
        if (this.disposed) return;
        const end = offset + utf8Length(text);
        if (!this.window.atTail) {
          // Away from the tail (scrolled far back): count what arrives, show it when the user returns to the end.
          if (end > this.size) this.window.skipped(countNewlines(dropUtf8Bytes(text, Math.max(0, this.size - offset))));
          this.size = Math.max(this.size, end);
          this.scheduleMirror();
          return;
        }
        if (offset > this.window.end) {
          // Chunks were missed (the view opened while they were in flight): read the gap from the file.
          const gap = await this.readLog(this.window.end, offset);
          if (gap.start === this.window.end) this.show(gap.text);
        }
        this.accept(offset, text);
      })
      .catch((error: unknown) => this.set({ error: error instanceof Error ? error.message : String(error) }));
  }

  /** Shows the part of [offset, offset + text) that lies past the window's end. */
  private accept(offset: number, text: string): void {
    if (offset > this.window.end) return;
    this.show(dropUtf8Bytes(text, this.window.end - offset));
  }

  /** Reads the text before the window from the file and shows it above, keeping the view where it was. */
  async loadEarlier(): Promise<void> {
    if (this.loadingEarlier || this.window.start === 0 || this.state.loading) return;
    this.loadingEarlier = true;
    this.chain = this.chain.then(async () => {
      const start = this.window.start;
      const range = await this.readLog(Math.max(0, start - EARLIER_BYTES), start);
      const cut = range.start > 0 ? fromLineStart(range.text) : { text: range.text, droppedBytes: 0 };
      if (!cut.text || this.disposed) return;
      this.window.prepend(cut.text, range.start + cut.droppedBytes);
      this.pending = [];
      this.publish({ attached: this.window.atTail, following: false });
      await this.rewrite(cut.text);
    });
    await this.settle();
    this.loadingEarlier = false;
  }

  /** Writes the window anew and keeps the line that was at the top of the view at the top. */
  private rewrite(earlier: string): Promise<void> {
    const rest = this.window.text().slice(earlier.length);
    this.term.reset();
    return new Promise((resolve) => {
      this.write(earlier, () => {
        const row = this.term.buffer.active.baseY + this.term.buffer.active.cursorY;
        this.write(rest, () => {
          this.term.scrollToLine(Math.max(0, row - 1));
          resolve();
        });
      });
    });
  }

  // ---- showing

  private show(text: string): void {
    if (!text) return;
    this.window.append(text);
    this.size = Math.max(this.size, this.window.end);
    this.pending.push(text);
    if (this.frame || this.floodTimer) return;
    // A flood (more than anyone reads) is shown a few times a second, not at every frame: each showing
    // repaints the whole terminal, and at 60 a second that painting starves the page of time.
    const wait = this.lastFlushLength >= FLOOD_CHARS ? this.lastFlush + FLOOD_EVERY_MS - performance.now() : 0;
    if (wait > 0) this.floodTimer = setTimeout(() => {
      this.floodTimer = null;
      this.frame = requestAnimationFrame(() => this.flush());
    }, wait);
    else this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = 0;
    if (this.disposed || this.pending.length === 0) return;
    const data = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.lastFlushLength = data.length;
    this.lastFlush = performance.now();
    this.write(data);
    this.scheduleMirror();
  }

  private write(data: string, done?: () => void): void {
    if (data.length <= WRITE_SLICE) {
      this.term.write(data, done);
      return;
    }
    for (let at = 0; at < data.length; at += WRITE_SLICE) {
      const last = at + WRITE_SLICE >= data.length;
      this.term.write(data.slice(at, at + WRITE_SLICE), last ? done : undefined);
    }
  }

  /** The newest lines as plain text, written straight to the DOM at once, then at most a few times a second. */
  private scheduleMirror(): void {
    if (this.mirrorTimer) return;
    const wait = this.lastMirror + MIRROR_EVERY_MS - performance.now();
    if (wait <= 0) this.updateMirror();
    else this.mirrorTimer = setTimeout(() => this.updateMirror(), wait);
  }

  private updateMirror(): void {
    this.mirrorTimer = null;
    if (this.disposed) return;
    this.lastMirror = performance.now();
    this.mirror.textContent = lastPlainLines(this.window.tail(MIRROR_LINES), MIRROR_LINES).join('\n');
    this.publish({});
  }

  private scrolled(): void {
    this.scrollFrame = 0;
    if (this.disposed) return;
    const buffer = this.term.buffer.active;
    const atBottom = buffer.viewportY >= buffer.baseY;
    if (atBottom !== this.state.following && this.window.atTail) this.set({ following: atBottom });
    if (buffer.viewportY === 0 && buffer.baseY > 0 && this.window.start > 0) void this.loadEarlier();
  }

  /* Figures that change with every chunk reach React only with the mirror's few updates a second. */
  private publish(patch: Partial<LogViewState>): void {
    this.set({ ...patch, attached: this.window.atTail, windowStart: this.window.start, size: this.size, lines: this.window.totalLines });
  }

  private set(patch: Partial<LogViewState>): void {
    let changed = false;
    for (const key of Object.keys(patch) as (keyof LogViewState)[]) {
      if (this.state[key] !== patch[key]) changed = true;
    }
    if (!changed) return;
    this.state = { ...this.state, ...patch };
    this.onState(this.state);
  }
}
