import { mkdirSync, openSync, closeSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile, JSONFile } from 'lowdb/node';
import { z } from 'zod';
import { pipelineSchema, ID_PATTERN } from '../../shared/pipeline/schema';
import { runRecordSchema, runSummarySchema, type RunSummary } from '../../shared/api/runs';

/**
 * Run history (DESIGN.md §3). lowdb rewrites a whole file on every write, so each run has its own small
 * file (<dataDir>/runs/<run_id>.json, holding the record and the pipeline as it ran) plus one index of
 * summaries for lists. Writes are coalesced (a run's file at most every `coalesceMs`, or less often for a
 * run so big that writing it takes more than a fiftieth of that) and atomic (lowdb's writer writes a
 * temporary file and renames it), so a crash never leaves a torn file. What a crash loses of the last
 * moments, the journal (pid-journal.ts) restores.
 */

export const runFileSchema = z.object({
  record: runRecordSchema,
  /** The pipeline exactly as it ran, so a task can be retried or cleared later even if the file changed. */
  pipeline: pipelineSchema,
  /** The tasks this run executes (null: all); "run only this task" and "run from here" set it. */
  scope: z.array(z.string()).nullable().default(null),
});
export type RunFile = z.output<typeof runFileSchema>;

const indexSchema = z.object({ runs: z.array(runSummarySchema) });
type Index = z.output<typeof indexSchema>;

/* Writing a run's file may take at most 1/WRITE_SHARE of the run's time (the journal covers a crash meanwhile). */
const WRITE_SHARE = 50;

interface Tracked {
  db: Low<RunFile>;
  timer: NodeJS.Timeout | null;
  /** How long the last write took to prepare: a big run is written less often, so writing never dominates. */
  lastCostMs: number;
}

export class RunStore {
  readonly dir: string;
  private readonly tracked = new Map<string, Tracked>();
  private readonly index: Low<Index>;
  private readonly pendingSummaries = new Map<string, RunSummary>();
  private indexTimer: NodeJS.Timeout | null = null;
  private indexWriting: Promise<void> = Promise.resolve();

  constructor(
    readonly dataDir: string,
    private readonly coalesceMs = 200,
    /** A background write failed (disk full, folder removed): the run goes on, the caller is told. */
    private readonly onWriteError: (error: unknown) => void = (error) =>
      process.stderr.write(`dagstudio: cannot write run history: ${error instanceof Error ? error.message : String(error)}\n`),
  ) {
    this.dir = join(dataDir, 'runs');
    mkdirSync(this.dir, { recursive: true });
    this.index = new Low(new JSONFile<Index>(join(this.dir, 'index.json')), { runs: [] });
  }

  runFilePath(runId: string): string {
    if (!ID_PATTERN.test(runId)) throw new Error(`"${runId}" is not a run id`);
    return join(this.dir, `${runId}.json`);
  }

  /** Reserves a run id that no other run (in any process sharing the data dir) has, starting from `base`. */
  reserveRunId(base: string): string {
    for (let n = 1; ; n++) {
      const runId = n === 1 ? base : `${base}_${n}`;
      try {
        closeSync(openSync(this.runFilePath(runId), 'wx'));
        return runId;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  /** Starts tracking a run's file (new or resumed) and writes it at once. */
  async track(file: RunFile): Promise<void> {
    const runId = file.record.run_id;
    const db = new Low(new DataFile<RunFile>(this.runFilePath(runId), { parse: JSON.parse, stringify: runFileText() }), file);
    db.data = file;
    this.tracked.set(runId, { db, timer: null, lastCostMs: 0 });
    await db.write();
    this.pendingSummaries.set(runId, summaryOf(file));
    await this.flushIndex();
  }

  /** Says a tracked run changed: its file (and its index entry) are written soon, coalesced with other changes. */
  touch(runId: string, { summary = false } = {}): void {
    const t = this.tracked.get(runId);
    if (!t) return;
    if (summary) {
      this.pendingSummaries.set(runId, summaryOf(t.db.data));
      this.indexTimer ??= setTimeout(() => this.flushIndex().catch(this.onWriteError), this.coalesceMs);
    }
    t.timer ??= setTimeout(
      () => {
        t.timer = null;
        const started = performance.now();
        const writing = t.db.write();
        t.lastCostMs = performance.now() - started;
        writing.catch(this.onWriteError);
      },
      Math.max(this.coalesceMs, WRITE_SHARE * t.lastCostMs),
    );
  }

  /** Writes a tracked run now (and the index). */
  async flush(runId: string): Promise<void> {
    const t = this.tracked.get(runId);
    if (!t) return;
    if (t.timer) clearTimeout(t.timer);
    t.timer = null;
    this.pendingSummaries.set(runId, summaryOf(t.db.data));
    await Promise.all([t.db.write(), this.flushIndex()]);
  }

  /** Writes a run one last time and stops tracking it. */
  async release(runId: string): Promise<void> {
    await this.flush(runId);
    this.tracked.delete(runId);
  }

  isTracked(runId: string): boolean {
    return this.tracked.has(runId);
  }

  /** A run's file: the live object of a tracked run, else read from disk (undefined if missing or unreadable). */
  async get(runId: string): Promise<RunFile | undefined> {
    const t = this.tracked.get(runId);
    if (t) return t.db.data;
    let path: string;
    try {
      path = this.runFilePath(runId);
    } catch {
      return undefined;
    }
    const db = new Low(new JSONFile<unknown>(path), null);
    try {
      await db.read();
    } catch {
      return undefined;
    }
    const parsed = runFileSchema.safeParse(db.data);
    return parsed.success ? parsed.data : undefined;
  }

  /** Summaries of the runs (of one pipeline when `dagId` is given), newest first. */
  async list(dagId?: string): Promise<RunSummary[]> {
    await this.indexWriting;
    await this.readIndex();
    const merged = new Map(this.index.data.runs.map((r) => [r.run_id, r]));
    for (const [id, s] of this.pendingSummaries) merged.set(id, s);
    for (const [id, t] of this.tracked) merged.set(id, summaryOf(t.db.data));
    return [...merged.values()]
      .filter((r) => dagId === undefined || r.dag_id === dagId)
      .sort((a, b) => (b.start ?? b.logical_date).localeCompare(a.start ?? a.logical_date));
  }

  /** Ids of every run file on disk (for recovery, which must not trust the index alone). */
  runIdsOnDisk(): string[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.json') && name !== 'index.json' && !name.startsWith('.'))
      .map((name) => name.slice(0, -'.json'.length));
  }

  /** Puts a run's current summary into the index (for runs changed outside tracking, e.g. by recovery). */
  async writeSummary(file: RunFile): Promise<void> {
    this.pendingSummaries.set(file.record.run_id, summaryOf(file));
    await this.flushIndex();
  }

  /** Writes a run file that is not tracked (recovery). */
  async writeUntracked(file: RunFile): Promise<void> {
    const db = new Low(new JSONFile<RunFile>(this.runFilePath(file.record.run_id)), file);
    await db.write();
    await this.writeSummary(file);
  }

  async close(): Promise<void> {
    await Promise.all([...this.tracked.keys()].map((id) => this.release(id)));
    await this.flushIndex();
  }

  private async readIndex(): Promise<void> {
    try {
      await this.index.read();
      const parsed = indexSchema.safeParse(this.index.data);
      this.index.data = parsed.success ? parsed.data : { runs: [] };
    } catch {
      this.index.data = { runs: [] };
    }
  }

  /**
   * Read-merge-write, serialised within this process: another process sharing the data dir (the CLI next
   * to the app) may have added runs since we last read, and its entries must survive our write.
   */
  private flushIndex(): Promise<void> {
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = null;
    this.indexWriting = this.indexWriting.then(async () => {
      if (this.pendingSummaries.size === 0) return;
      const pending = [...this.pendingSummaries.values()];
      this.pendingSummaries.clear();
      await this.readIndex();
      const byId = new Map(this.index.data.runs.map((r) => [r.run_id, r]));
      for (const s of pending) byId.set(s.run_id, s);
      this.index.data = { runs: [...byId.values()] };
      await this.index.write();
    });
    const written = this.indexWriting;
    // One failed write must not stop every later one.
    this.indexWriting = written.catch(this.onWriteError);
    return written;
  }
}

/**
 * A tracked run's file as text, compact: it is rewritten many times while the run goes on, and its
 * pipeline — as big as the record, and fixed for the run — is turned into text once, not at every write.
 */
function runFileText(): (file: RunFile) => string {
  let pipeline: RunFile['pipeline'] | null = null;
  let pipelineText = '';
  return (file) => {
    if (file.pipeline !== pipeline) {
      pipeline = file.pipeline;
      pipelineText = JSON.stringify(file.pipeline);
    }
    const { pipeline: _pipeline, ...rest } = file;
    const text = JSON.stringify(rest);
    return `${text.slice(0, -1)},"pipeline":${pipelineText}}`;
  };
}

export function summaryOf(file: RunFile): RunSummary {
  const r = file.record;
  return {
    run_id: r.run_id,
    dag_id: r.dag_id,
    pipeline_path: r.pipeline_path,
    state: r.state,
    params: r.params,
    logical_date: r.logical_date,
    start: r.start,
    end: r.end,
  };
}
