import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent } from '../../shared/api/events';
import { FINISHED_TASK_STATES, type RunRecord, type TaskInstance, type TaskState } from '../../shared/api/runs';
import { graphOf, type TaskGraph } from '../../shared/graph';
import type { Task, TriggerRule } from '../../shared/pipeline/schema';
import type { Connection } from '../../shared/settings';
import type { Executor } from '../../operators/execute-types';
import { getOperator } from '../../operators/index';
import { journalPath, PidJournal } from '../store/pid-journal';
import { logPath } from '../store/log-files';
import type { RunFile, RunStore } from '../store/run-store';
import { KILL_GRACE_MS } from './kill';
import { LogSink } from './log-sink';
import { SecretMasker } from './masker';
import { fieldLists, runTry, type TryResult } from './task-try';
import { emptyCounts, evaluateTriggerRule, type UpstreamCounts } from './trigger-rules';

/**
 * One run in progress: the event-driven scheduler of DESIGN.md §3. Nothing polls: a task is decided the
 * moment its last relevant upstream finishes (its trigger rule says run, skipped or upstream_failed),
 * runs as soon as a slot is free, and its end wakes its downstream tasks in turn. A finished run can be
 * resumed by clearing tasks (Airflow's clear), which puts the run back to running.
 */

export interface SessionDeps {
  store: RunStore;
  dataDir: string;
  getExecutor: (operatorId: string) => Executor | undefined;
  emit: (event: RunEvent) => void;
  notify: (title: string, body: string) => void;
  connections: () => Connection[];
  killGraceMs?: number;
}

export interface SessionOptions {
  cwd: string;
  parallelism: number;
  /** Variable name → value, stored variables with this run's overrides applied. */
  variables: Record<string, string>;
  /** Values never to show: secret variables and connection secrets. */
  secrets: string[];
  /** Real return values (the stored ones are masked), e.g. from the run that "run from here" reuses. */
  returnValues?: Map<string, unknown>;
}

interface Resolved {
  task: Task;
  rule: TriggerRule;
  retries: number;
  retryDelayMs: number;
  timeoutMs: number | null;
}

type StopReason = 'cancel' | 'timeout';

const now = () => new Date().toISOString();

export class RunSession {
  readonly runId: string;
  readonly done: Promise<RunRecord>;
  private resolveDone!: (record: RunRecord) => void;
  private readonly graph: TaskGraph;
  private readonly tasks: Resolved[];
  private readonly inScope: boolean[];
  private readonly counts: UpstreamCounts[];
  /** Try number when the task was last cleared: retries count from there (Airflow raises max_tries on clear). */
  private readonly tryBase: number[];
  private queue: number[] = [];
  private queueHead = 0;
  private readonly running = new Map<number, { controller: AbortController; reason: StopReason | null }>();
  private readonly retryTimers = new Map<number, NodeJS.Timeout>();
  private unfinished = 0;
  private cancelled = false;
  private begun = false;
  private finished = false;
  private readonly xcom = new Map<string, unknown>();
  private journal: PidJournal | null = null;
  private readonly livePgids = new Set<number>();
  private returnDir = '';
  private baseEnv: Record<string, string> | null = null;
  private readonly runDataDir: string;

  constructor(
    readonly file: RunFile,
    private readonly deps: SessionDeps,
    private readonly options: SessionOptions,
  ) {
    this.runId = file.record.run_id;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    const pipeline = file.pipeline;
    this.graph = graphOf(pipeline);
    const d = pipeline.defaults ?? {};
    this.tasks = pipeline.tasks.map((task) => ({
      task,
      rule: task.trigger_rule ?? d.trigger_rule ?? 'all_success',
      retries: task.retries ?? d.retries ?? 0,
      // Airflow's default retry_delay is five minutes; the same default keeps exported DAGs timed alike.
      retryDelayMs: 1000 * (task.retry_delay_s ?? d.retry_delay_s ?? 300),
      timeoutMs: (task.timeout_s ?? d.timeout_s) ? 1000 * (task.timeout_s ?? d.timeout_s ?? 0) : null,
    }));
    const scope = file.scope ? new Set(file.scope) : null;
    this.inScope = pipeline.tasks.map((t) => !scope || scope.has(t.id));
    this.counts = this.tasks.map(() => emptyCounts(0));
    this.tryBase = pipeline.tasks.map((t) => file.record.tasks[t.id]?.try_number ?? 0);
    for (const [id, ti] of Object.entries(file.record.tasks)) if (ti.return_value !== undefined) this.xcom.set(id, ti.return_value);
    for (const [id, value] of options.returnValues ?? []) this.xcom.set(id, value);
    this.runDataDir = join(deps.dataDir, 'data', file.record.dag_id, this.runId);
  }

  get active(): boolean {
    return !this.finished;
  }

  /** A task's ids downstream of `taskId` (transitively), in file order. */
  descendants(taskId: string): string[] {
    const start = this.graph.indexOf.get(taskId);
    if (start === undefined) return [];
    const seen = new Set<number>([start]);
    const stack = [start];
    while (stack.length > 0) {
      for (const d of this.graph.downstream[stack.pop() as number]!) {
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
      }
    }
    seen.delete(start);
    return [...seen].sort((a, b) => a - b).map((i) => this.tasks[i]!.task.id);
  }

  /** Starts (or resumes) the run: every undecided task in scope is considered at once. The store must track the file. */
  begin(): void {
    if (this.begun) throw new Error('a run session begins once');
    this.begun = true;
    this.journal = new PidJournal(journalPath(this.deps.store.dir, this.runId));
    this.returnDir = mkdtempSync(join(tmpdir(), 'dagstudio-run-'));
    mkdirSync(this.runDataDir, { recursive: true });
    const r = this.file.record;
    r.state = 'running';
    r.start ??= now();
    r.end = null;
    this.deps.emit({ type: 'run-state', run_id: this.runId, dag_id: r.dag_id, state: 'running', at: now() });
    this.deps.store.touch(this.runId, { summary: true });
    this.unfinished = this.tasks.filter((_, i) => this.inScope[i] && !FINISHED_TASK_STATES.has(this.stateOf(i))).length;
    this.reconsiderUndecided();
    this.checkDone();
  }

  /**
   * Airflow's clear: the tasks go back to `none` (keeping their past tries) and run again under their
   * trigger rules, with fresh retries. Refused for a task that is running right now.
   */
  reset(taskIds: readonly string[]): void {
    if (this.finished) throw new Error('this run has ended: start a new session to clear its tasks');
    if (this.cancelled) throw new Error('this run is being cancelled');
    const indexes = taskIds.map((id) => {
      const i = this.graph.indexOf.get(id);
      if (i === undefined) throw new Error(`task "${id}" does not exist in this run's pipeline`);
      if (this.stateOf(i) === 'running') throw new Error(`task "${id}" is running`);
      return i;
    });
    for (const i of indexes) {
      const timer = this.retryTimers.get(i);
      if (timer) clearTimeout(timer);
      this.retryTimers.delete(i);
      if (!this.inScope[i]) {
        this.inScope[i] = true;
        this.file.scope?.push(this.tasks[i]!.task.id);
      }
      const ti = this.instance(i);
      if (FINISHED_TASK_STATES.has(ti.state)) this.unfinished++;
      ti.state = 'none';
      ti.end = null;
      delete ti.error;
      this.xcom.delete(ti.task_id);
      delete ti.return_value;
      this.tryBase[i] = ti.try_number;
      this.deps.emit({ type: 'task-state', run_id: this.runId, task_id: ti.task_id, state: 'none', try_number: ti.try_number, at: now() });
    }
    if (!this.begun) return;
    this.reconsiderUndecided();
    this.checkDone();
  }

  /** Ends the run: running tasks are killed (SIGTERM, then SIGKILL), nothing else starts; resolves when it ended. */
  cancel(): Promise<RunRecord> {
    if (this.finished || this.cancelled) return this.done;
    this.cancelled = true;
    for (const entry of this.running.values()) {
      entry.reason ??= 'cancel';
      entry.controller.abort();
    }
    for (const [i, timer] of this.retryTimers) {
      clearTimeout(timer);
      this.instance(i).error = 'cancelled while waiting to retry';
      this.decide(i, 'failed');
    }
    this.retryTimers.clear();
    // What never started is skipped, as when Airflow marks a run failed.
    this.tasks.forEach((_, i) => {
      const state = this.stateOf(i);
      if (this.inScope[i] && (state === 'none' || state === 'queued' || state === 'scheduled')) this.decide(i, 'skipped');
    });
    this.checkDone();
    return this.done;
  }

  private stateOf(i: number): TaskState {
    return this.instance(i).state;
  }

  private instance(i: number): TaskInstance {
    const id = this.tasks[i]!.task.id;
    let ti = this.file.record.tasks[id];
    if (!ti) {
      ti = { task_id: id, state: 'none', try_number: 0, start: null, end: null, exit_code: null, tries: [] };
      this.file.record.tasks[id] = ti;
    }
    return ti;
  }

  private setState(i: number, state: TaskState, extra: Partial<RunEvent & { type: 'task-state' }> = {}): void {
    const ti = this.instance(i);
    ti.state = state;
    this.deps.emit({ type: 'task-state', run_id: this.runId, task_id: ti.task_id, state, try_number: ti.try_number, at: now(), ...extra });
    this.deps.store.touch(this.runId);
  }

  /** Counts from scratch for every undecided task, then decides them in dependency order. */
  private reconsiderUndecided(): void {
    const undecided: number[] = [];
    for (let i = 0; i < this.tasks.length; i++) {
      if (!this.inScope[i] || this.stateOf(i) !== 'none') continue;
      const c = emptyCounts(0);
      for (const u of this.graph.upstream[i]!) if (this.inScope[u]) addState(c, this.stateOf(u), true);
      this.counts[i] = c;
      undecided.push(i);
    }
    for (const i of undecided) if (this.stateOf(i) === 'none') this.consider(i);
    this.pump();
  }

  private consider(i: number): void {
    const decision = evaluateTriggerRule(this.tasks[i]!.rule, this.counts[i]!);
    if (decision === 'wait') return;
    if (decision === 'run' && !this.cancelled) {
      this.setState(i, 'queued');
      this.queue.push(i);
      return;
    }
    this.decide(i, decision === 'run' ? 'skipped' : decision);
  }

  /** A task reached a finished state: record it and wake its downstream tasks (without recursion). */
  private decide(first: number, firstState: TaskState): void {
    const work: Array<[number, TaskState]> = [[first, firstState]];
    while (work.length > 0) {
      const [i, state] = work.pop() as [number, TaskState];
      const ti = this.instance(i);
      ti.end ??= now();
      this.setState(i, state, ti.error ? { error: ti.error } : {});
      this.unfinished--;
      for (const d of this.graph.downstream[i]!) {
        if (!this.inScope[d] || this.stateOf(d) !== 'none') continue;
        addState(this.counts[d]!, state, false);
        const decision = evaluateTriggerRule(this.tasks[d]!.rule, this.counts[d]!);
        if (decision === 'wait') continue;
        if (decision === 'run' && !this.cancelled) {
          this.setState(d, 'queued');
          this.queue.push(d);
        } else work.push([d, decision === 'run' ? 'skipped' : decision]);
      }
    }
  }

  private pump(): void {
    while (this.running.size < this.options.parallelism && this.queueHead < this.queue.length) {
      const i = this.queue[this.queueHead++] as number;
      if (this.stateOf(i) !== 'queued') continue;
      void this.runTask(i);
    }
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
  }

  private async runTask(i: number): Promise<void> {
    const resolved = this.tasks[i]!;
    const task = resolved.task;
    const entry = { controller: new AbortController(), reason: null as StopReason | null };
    this.running.set(i, entry);
    const ti = this.instance(i);
    ti.try_number += 1;
    const tryNumber = ti.try_number;
    const started = now();
    const record = this.file.record;
    const tryEntry = { try_number: tryNumber, state: 'running' as TaskState, start: started, end: null as string | null, exit_code: null as number | null, log: logPath(record.dag_id, this.runId, task.id, tryNumber) };
    ti.tries.push(tryEntry);
    ti.start = started;
    ti.end = null;
    ti.exit_code = null;
    delete ti.error;
    this.setState(i, 'running');

    const definition = getOperator(task.operator);
    const secrets = [...this.options.secrets];
    if (definition) {
      for (const key of fieldLists(definition).secret) {
        const value = task.config[key];
        if (typeof value === 'string') secrets.push(value);
      }
    }
    const masker = new SecretMasker(secrets);
    const sink = new LogSink(join(this.deps.dataDir, tryEntry.log), masker, (offset, text) =>
      this.deps.emit({ type: 'log', run_id: this.runId, task_id: task.id, try_number: tryNumber, offset, text }),
    );
    let timeout: NodeJS.Timeout | null = null;
    if (resolved.timeoutMs !== null) {
      timeout = setTimeout(() => {
        entry.reason ??= 'timeout';
        entry.controller.abort();
      }, resolved.timeoutMs);
    }

    let result: TryResult;
    try {
      const trying = runTry({
        runId: this.runId,
        dagId: record.dag_id,
        logicalDate: record.logical_date,
        params: record.params,
        variables: this.options.variables,
        task,
        tryNumber,
        definition,
        executor: this.deps.getExecutor(task.operator),
        env: this.taskEnv(task.id, tryNumber, join(this.returnDir, `${task.id}.${tryNumber}.json`)),
        cwd: this.options.cwd,
        returnFile: join(this.returnDir, `${task.id}.${tryNumber}.json`),
        dataDir: this.runDataDir,
        sink,
        masker,
        signal: entry.controller.signal,
        xcom: (id) => (this.xcom.has(id) ? { found: true, value: this.xcom.get(id) } : { found: false }),
        taskStates: () => Object.fromEntries(Object.values(record.tasks).map((t) => [t.task_id, t.state])),
        connection: (name) => {
          const found = this.deps.connections().find((c) => c.name === name);
          if (!found) throw new Error(`connection "${name}" does not exist`);
          return found;
        },
        notify: this.deps.notify,
        onProcessStart: (pgid) => {
          this.journal?.started(pgid, task.id, tryNumber);
          this.livePgids.add(pgid);
          record.pgids = [...this.livePgids];
        },
        onProcessEnd: (pgid) => {
          this.livePgids.delete(pgid);
          record.pgids = [...this.livePgids];
        },
        onRendered: (rendered) => {
          ti.rendered = rendered;
        },
        killGraceMs: this.deps.killGraceMs ?? KILL_GRACE_MS,
      });
      result = await untilSettledOrAbandoned(trying, entry.controller.signal, (this.deps.killGraceMs ?? KILL_GRACE_MS) + 2000);
    } catch (error) {
      result = { state: 'failed', exitCode: null, error: error instanceof Error ? error.message : String(error) };
      sink.note(`[dagstudio] ${masker.mask(result.error as string)}`);
    }
    if (timeout) clearTimeout(timeout);
    if (entry.reason === 'timeout') {
      result = { ...result, state: 'failed', error: `timed out after ${resolved.timeoutMs! / 1000} s` };
      sink.note(`[dagstudio] ${result.error}: its processes were ended`);
    } else if (entry.reason === 'cancel') {
      result = { ...result, state: 'failed', error: 'cancelled' };
      sink.note('[dagstudio] cancelled: its processes were ended');
    }
    sink.close();
    this.running.delete(i);

    const ended = now();
    tryEntry.end = ended;
    tryEntry.exit_code = result.exitCode;
    ti.exit_code = result.exitCode;
    ti.end = ended;
    const error = result.error ? masker.mask(result.error) : undefined;
    if (error) {
      ti.error = error;
      (tryEntry as { error?: string }).error = error;
    }
    if (result.state === 'success' && result.returnValue !== undefined) {
      this.xcom.set(task.id, result.returnValue);
      ti.return_value = masker.maskDeep(result.returnValue);
    }
    const retriesLeft = tryNumber - this.tryBase[i]! <= resolved.retries;
    const retrying = result.state === 'failed' && !this.cancelled && entry.reason !== 'cancel' && retriesLeft;
    this.journal?.tryEnded(task.id, tryNumber, retrying ? 'up_for_retry' : result.state, result.exitCode);
    if (retrying) {
      tryEntry.state = 'failed';
      this.setState(i, 'up_for_retry', { exit_code: result.exitCode, ...(error ? { error } : {}) });
      const timer = setTimeout(() => {
        this.retryTimers.delete(i);
        if (this.cancelled || this.stateOf(i) !== 'up_for_retry') return;
        this.setState(i, 'queued');
        this.queue.push(i);
        this.pump();
      }, resolved.retryDelayMs);
      this.retryTimers.set(i, timer);
    } else {
      tryEntry.state = result.state;
      const extra = { exit_code: result.exitCode, ...(error ? { error } : {}) };
      const ti2 = this.instance(i);
      ti2.state = result.state;
      this.deps.emit({
        type: 'task-state',
        run_id: this.runId,
        task_id: task.id,
        state: result.state,
        try_number: tryNumber,
        at: ended,
        ...extra,
        ...(ti.return_value !== undefined && result.state === 'success' ? { return_value: ti.return_value } : {}),
      });
      this.propagateFrom(i, result.state);
    }
    this.deps.store.touch(this.runId);
    this.pump();
    this.checkDone();
  }

  /** Like decide(), for a task whose own state event was already emitted. */
  private propagateFrom(i: number, state: TaskState): void {
    this.unfinished--;
    for (const d of this.graph.downstream[i]!) {
      if (!this.inScope[d] || this.stateOf(d) !== 'none') continue;
      addState(this.counts[d]!, state, false);
      this.consider(d);
    }
  }

  private taskEnv(taskId: string, tryNumber: number, returnFile: string): Record<string, string> {
    const r = this.file.record;
    // process.env is read through the runtime on every access: copy it once per run, not once per task.
    this.baseEnv ??= { ...(process.env as Record<string, string>) };
    return {
      ...this.baseEnv,
      DAGSTUDIO_RUN_ID: this.runId,
      DAGSTUDIO_DAG_ID: r.dag_id,
      DAGSTUDIO_TASK_ID: taskId,
      DAGSTUDIO_TRY_NUMBER: String(tryNumber),
      DAGSTUDIO_RETURN_FILE: returnFile,
      // Airflow sets these for every task, so a script written for Airflow finds them here too.
      AIRFLOW_CTX_DAG_ID: r.dag_id,
      AIRFLOW_CTX_TASK_ID: taskId,
      AIRFLOW_CTX_DAG_RUN_ID: this.runId,
      AIRFLOW_CTX_TRY_NUMBER: String(tryNumber),
      AIRFLOW_CTX_LOGICAL_DATE: r.logical_date,
    };
  }

  private checkDone(): void {
    if (this.finished || this.unfinished > 0 || this.running.size > 0 || this.retryTimers.size > 0) return;
    this.finished = true;
    const r = this.file.record;
    const failed = this.tasks.some((_, i) => this.inScope[i] && (this.stateOf(i) === 'failed' || this.stateOf(i) === 'upstream_failed'));
    r.state = this.cancelled ? 'cancelled' : failed ? 'failed' : 'success';
    r.end = now();
    r.pgids = [];
    this.journal?.remove();
    this.journal = null;
    rmSync(this.returnDir, { recursive: true, force: true });
    void this.deps.store.release(this.runId).then(
      () => this.settle(),
      () => this.settle(),
    );
  }

  private settle(): void {
    const r = this.file.record;
    this.deps.emit({ type: 'run-state', run_id: this.runId, dag_id: r.dag_id, state: r.state, at: r.end ?? now() });
    this.resolveDone(r);
  }
}

/** Adds one upstream state to a task's counts (from scratch, unfinished states are simply not counted). */
function addState(c: UpstreamCounts, state: TaskState, counting: boolean): void {
  if (counting) c.upstream++;
  switch (state) {
    case 'success':
      c.success++;
      break;
    case 'failed':
      c.failed++;
      break;
    case 'upstream_failed':
      c.upstreamFailed++;
      break;
    case 'skipped':
      c.skipped++;
      break;
    default:
      return;
  }
  c.done++;
}

/**
 * The executor's promise, unless the try was aborted and the executor still has not returned a while
 * later (one that ignores its signal): then the try ends without it, so a cancel always completes.
 */
function untilSettledOrAbandoned(trying: Promise<TryResult>, signal: AbortSignal, afterAbortMs: number): Promise<TryResult> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | null = null;
    const onAbort = () => {
      timer = setTimeout(() => resolve({ state: 'failed', exitCode: null, error: 'the operator did not stop when asked' }), afterAbortMs);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    trying.then(
      (r) => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve(r);
      },
      (e: unknown) => {
        if (timer) clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
