import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { RunEvent } from '../../shared/api/events';
import type { RunRecord, RunSummary, TaskInstance } from '../../shared/api/runs';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Problem } from '../../shared/problems';
import { secretValues } from '../../shared/settings';
import { validatePipeline } from '../../operators/pipeline';
import { getExecutor } from '../../operators/runtime';
import { readLogRange, type LogRange } from '../store/log-files';
import { RunStore, type RunFile } from '../store/run-store';
import { SettingsStore, type SettingsSource } from '../store/settings';
import { KILL_GRACE_MS } from './kill';
import { recoverRuns, type RecoveryReport } from './recovery';
import { RunSession } from './run-session';

export interface RunnerOptions {
  /** The data folder: run history (runs/), logs (logs/), settings; see electron/paths.ts for the default. */
  dataDir: string;
  /** Variables and connections; default: the settings store in `dataDir`. */
  settings?: SettingsSource;
  /** Default parallelism of a run (default: the number of CPUs). */
  parallelism?: number;
  /** How a notify task's desktop notification is shown (the app) or printed (the CLI). */
  notify?: (title: string, body: string) => void;
  /** SIGTERM → SIGKILL grace period on cancel and timeout (default 3 s). */
  killGraceMs?: number;
}

export interface StartOptions {
  /** Absolute path of the pipeline file; its folder is the tasks' working directory. */
  pipelinePath?: string | null;
  /** Working directory when there is no file (default: the process's). */
  cwd?: string;
  /** Overrides of the pipeline's params (`--param k=v`). */
  params?: Record<string, unknown>;
  /** Overrides of stored variables for this run (`--var NAME=VALUE`). */
  vars?: Record<string, string>;
  parallelism?: number | null;
  /** Run only these tasks (edges from other tasks are ignored); the others stay `none`. */
  onlyTasks?: readonly string[] | null;
  /** Tasks outside `onlyTasks` take their return values (for `ti.xcom_pull`) from this earlier run. */
  reuseReturnValuesFrom?: string | null;
}

export interface StartedRun {
  runId: string;
  /** Resolves with the final record once the run ended and its history was written. */
  done: Promise<RunRecord>;
}

export interface ListRunsFilter {
  dagId?: string;
  /** Only runs in progress in this runner. */
  active?: boolean;
  limit?: number;
}

/**
 * The headless runner (DESIGN.md §3), what `dagstudio run`, the host and the tests embed:
 *
 *   const runner = createRunner({ dataDir });
 *   await runner.recover();                       // once, at start: runs left running by a crash → failed
 *   const unsubscribe = runner.subscribe((event) => …);  // RunEvent of shared/api/events.ts
 *   const { runId, done } = await runner.start(pipeline, { pipelinePath, params, vars });
 *   const record = await done;                    // RunRecord of shared/api/runs.ts
 *   await runner.retryTask(runId, 'train');       // re-run a task and the downstream it kept from running
 *   await runner.clearTask(runId, 'train', { downstream: true });  // Airflow's clear
 *   runner.readLog(runId, 'train', 1, { start: 0 });  // { text, size, start, end }
 *   await runner.close();                         // cancels what still runs, writes the history
 *
 * start() throws RunnerError (with `problems` for an invalid pipeline); retryTask/clearTask/cancel throw
 * RunnerError for an unknown run or task. Events of a run arrive in order: run-state running, then per
 * task queued → running → log chunks → its final state, and the final run-state after the history is
 * written. Log chunks come at most every ~33 ms or 64 KB per task try, already masked.
 */
export interface Runner {
  readonly dataDir: string;
  start(pipeline: Pipeline, options?: StartOptions): Promise<StartedRun>;
  /** Cancels a run in progress and waits until it ended; false when it was not running here. */
  cancel(runId: string): Promise<boolean>;
  /** Cancels every run in progress and waits for them. */
  cancelAll(): Promise<void>;
  /** Re-runs a finished task, with the downstream tasks that never ran because of it (upstream_failed, skipped). */
  retryTask(runId: string, taskId: string): Promise<StartedRun>;
  /** Airflow's clear: re-runs the task and (by default) everything downstream of it, in the same run. */
  clearTask(runId: string, taskId: string, options?: { downstream?: boolean }): Promise<StartedRun>;
  /** Summaries, newest first; a string is a dag id. */
  listRuns(filter?: string | ListRunsFilter): Promise<RunSummary[]>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  /** The run's record with the pipeline as it ran. */
  getRunFile(runId: string): Promise<RunFile | undefined>;
  /** Bytes [start, end) of a try's log (at most 16 MiB at a time), moved to whole characters. */
  readLog(runId: string, taskId: string, tryNumber: number, range?: { start?: number; end?: number }): Promise<LogRange>;
  subscribe(listener: (event: RunEvent) => void): () => void;
  activeRuns(): string[];
  recover(): Promise<RecoveryReport>;
  close(): Promise<void>;
}

export class RunnerError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/* Written into the first write of the run file, so a reader never sees a started run as queued. */
function markRunning(file: RunFile): void {
  file.record.state = 'running';
  file.record.start ??= new Date().toISOString();
  file.record.end = null;
}

export function createRunner(options: RunnerOptions): Runner {
  const dataDir = resolve(options.dataDir);
  const store = new RunStore(dataDir);
  const settings = options.settings ?? new SettingsStore({ dir: dataDir });
  const listeners = new Set<(event: RunEvent) => void>();
  const sessions = new Map<string, RunSession>();
  const killGraceMs = options.killGraceMs ?? KILL_GRACE_MS;
  const defaultParallelism = options.parallelism ?? availableParallelism();

  const emit = (event: RunEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A subscriber's bug must not stop the run.
      }
    }
  };

  const deps = {
    store,
    dataDir,
    getExecutor,
    emit,
    notify: options.notify ?? (() => {}),
    connections: () => settings.connections(),
    killGraceMs,
  };

  function runSettings(vars: Record<string, string> = {}) {
    const stored = settings.variables();
    const connections = settings.connections();
    const variables: Record<string, string> = Object.fromEntries(stored.map((v) => [v.name, v.value]));
    const secrets = secretValues(stored, connections);
    for (const [name, value] of Object.entries(vars)) {
      variables[name] = value;
      // A secret variable given on the command line stays masked, even one whose stored value is unreadable here.
      if (stored.some((v) => v.name === name && v.secret) || settings.isSecretVariable?.(name)) secrets.push(value);
    }
    return { variables, secrets };
  }

  function launch(session: RunSession): StartedRun {
    sessions.set(session.runId, session);
    session.begin();
    void session.done.then(() => {
      if (sessions.get(session.runId) === session) sessions.delete(session.runId);
    });
    return { runId: session.runId, done: session.done };
  }

  async function fileOf(runId: string): Promise<RunFile> {
    const file = await store.get(runId);
    if (!file) throw new RunnerError(`run "${runId}" does not exist`);
    return file;
  }

  /** Resets tasks of a run (resuming it when it had ended) and returns the run's completion. */
  async function resetTasks(runId: string, taskId: string, pick: (session: RunSession, file: RunFile) => string[]): Promise<StartedRun> {
    const active = sessions.get(runId);
    if (active?.active) {
      if (!active.file.record.tasks[taskId]) throw new RunnerError(`task "${taskId}" does not exist in run "${runId}"`);
      try {
        active.reset(pick(active, active.file));
      } catch (error) {
        throw new RunnerError(error instanceof Error ? error.message : String(error));
      }
      return { runId, done: active.done };
    }
    // A run that just ended is still writing its history: let it finish, then resume it from its file.
    if (active) await active.done;
    const file = await fileOf(runId);
    if (!file.pipeline.tasks.some((t) => t.id === taskId)) throw new RunnerError(`task "${taskId}" does not exist in run "${runId}"`);
    if (file.record.state === 'running' || file.record.state === 'queued') {
      throw new RunnerError(`run "${runId}" is running in another process`);
    }
    const { variables, secrets } = runSettings();
    const cwd = file.record.pipeline_path ? dirname(file.record.pipeline_path) : process.cwd();
    const session = new RunSession(file, deps, { cwd, parallelism: defaultParallelism, variables, secrets });
    try {
      session.reset(pick(session, file));
    } catch (error) {
      throw new RunnerError(error instanceof Error ? error.message : String(error));
    }
    markRunning(file);
    await store.track(file);
    return launch(session);
  }

  const runner: Runner = {
    dataDir,

    async start(pipeline, startOptions = {}) {
      const problems = validatePipeline(pipeline);
      if (problems.length > 0) throw new RunnerError(`the pipeline "${pipeline.id}" is not valid`, problems);
      const ids = new Set(pipeline.tasks.map((t) => t.id));
      const scope = startOptions.onlyTasks ? [...startOptions.onlyTasks] : null;
      for (const id of scope ?? []) if (!ids.has(id)) throw new RunnerError(`task "${id}" does not exist in "${pipeline.id}"`);
      const parallelism = startOptions.parallelism ?? defaultParallelism;
      if (!Number.isInteger(parallelism) || parallelism < 1) throw new RunnerError('parallelism must be a whole number of at least 1');

      const logicalDate = new Date().toISOString();
      const stamp = logicalDate.replace(/:/g, '');
      const runId = store.reserveRunId(`manual__${stamp}`);
      const tasks: Record<string, TaskInstance> = {};
      for (const t of pipeline.tasks) tasks[t.id] = { task_id: t.id, state: 'none', try_number: 0, start: null, end: null, exit_code: null, tries: [] };

      const returnValues = new Map<string, unknown>();
      if (startOptions.reuseReturnValuesFrom) {
        const source = await store.get(startOptions.reuseReturnValuesFrom);
        if (!source) throw new RunnerError(`run "${startOptions.reuseReturnValuesFrom}" does not exist`);
        for (const [id, ti] of Object.entries(source.record.tasks)) {
          if (ti.return_value === undefined || !tasks[id] || (scope && scope.includes(id))) continue;
          tasks[id].return_value = ti.return_value;
          returnValues.set(id, ti.return_value);
        }
      }
      const pipelinePath = startOptions.pipelinePath ? resolve(startOptions.pipelinePath) : null;
      const file: RunFile = {
        record: {
          run_id: runId,
          dag_id: pipeline.id,
          pipeline_path: pipelinePath,
          state: 'queued',
          params: { ...pipeline.params, ...startOptions.params },
          logical_date: logicalDate,
          start: null,
          end: null,
          pgids: [],
          tasks,
        },
        pipeline,
        scope,
      };
      const { variables, secrets } = runSettings(startOptions.vars);
      const cwd = pipelinePath ? dirname(pipelinePath) : resolve(startOptions.cwd ?? process.cwd());
      const session = new RunSession(file, deps, { cwd, parallelism, variables, secrets, returnValues });
      markRunning(file);
      await store.track(file);
      return launch(session);
    },

    async cancel(runId) {
      const session = sessions.get(runId);
      if (!session) return false;
      await session.cancel();
      return true;
    },

    async cancelAll() {
      await Promise.all([...sessions.values()].map((s) => s.cancel()));
    },

    retryTask(runId, taskId) {
      return resetTasks(runId, taskId, (session, file) => {
        const neverRan = session.descendants(taskId).filter((id) => {
          const ti = file.record.tasks[id];
          return !ti || ti.try_number === 0 || ti.state === 'none';
        });
        return [taskId, ...neverRan];
      });
    },

    clearTask(runId, taskId, clearOptions = {}) {
      return resetTasks(runId, taskId, (session) => [taskId, ...(clearOptions.downstream === false ? [] : session.descendants(taskId))]);
    },

    async listRuns(filter) {
      const f: ListRunsFilter = typeof filter === 'string' ? { dagId: filter } : (filter ?? {});
      let runs = await store.list(f.dagId);
      if (f.active) runs = runs.filter((r) => sessions.has(r.run_id));
      return f.limit !== undefined ? runs.slice(0, f.limit) : runs;
    },

    async getRun(runId) {
      return (await store.get(runId))?.record;
    },

    getRunFile(runId) {
      return store.get(runId);
    },

    async readLog(runId, taskId, tryNumber, range = {}) {
      const file = await fileOf(runId);
      const tryEntry = file.record.tasks[taskId]?.tries.find((t) => t.try_number === tryNumber);
      if (!tryEntry) throw new RunnerError(`task "${taskId}" of run "${runId}" has no try ${tryNumber}`);
      return readLogRange(join(dataDir, tryEntry.log), range);
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    activeRuns() {
      return [...sessions.keys()];
    },

    recover() {
      return recoverRuns(store, (runId) => sessions.has(runId), killGraceMs);
    },

    async close() {
      await runner.cancelAll();
      await store.close();
      listeners.clear();
    },
  };
  return runner;
}
