import { join } from 'node:path';
import { HostError } from '../../shared/api';
import { createRunner, RunnerError, SettingsError, SettingsStore, type SecretCipher } from '../runner';
import type { HostRunner, HostSettings } from './backend';

/**
 * Builds the runner and the settings store (electron/runner, electron/store) for one data folder and adapts them
 * to what the host's handlers call, turning their errors into host errors with codes.
 */

export interface Backend {
  runner: HostRunner;
  settings: HostSettings;
  /** History and logs: only the host's own requests read and write them, never pipelines.open/save. */
  protectedPaths: string[];
  close(): Promise<void>;
}

export interface BackendOptions {
  dataDir: string;
  cipher?: SecretCipher;
  notify: (title: string, body: string) => void;
}

/** RunnerError → not-found / conflict / bad-request, SettingsError → bad-request; anything else unchanged. */
function translate(error: unknown): unknown {
  if (error instanceof RunnerError) {
    if (/does not exist|has no try/.test(error.message)) return new HostError('not-found', error.message);
    if (/running in another process|is running|not running/.test(error.message)) return new HostError('conflict', error.message);
    return new HostError('bad-request', error.message);
  }
  if (error instanceof SettingsError) return new HostError('bad-request', error.message);
  return error;
}

async function translated<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translate(error);
  }
}

export async function openBackend(options: BackendOptions): Promise<Backend> {
  const store = new SettingsStore({ dir: options.dataDir, ...(options.cipher ? { cipher: options.cipher } : {}) });
  const runner = createRunner({ dataDir: options.dataDir, settings: store, notify: options.notify });
  // Runs a crash left "running" become failed and their orphaned processes end, before anyone lists history.
  await runner.recover();

  const hostRunner: HostRunner = {
    start: (run) =>
      translated(async () => {
        const started = await runner.start(run.pipeline, {
          pipelinePath: run.pipelinePath,
          params: run.params,
          vars: run.vars,
          parallelism: run.parallelism,
          onlyTasks: run.tasks,
          reuseReturnValuesFrom: run.reuseRunId,
        });
        // The outcome arrives as events; a failed run is not an error of the request that started it.
        started.done.catch(() => {});
        return started.runId;
      }),
    cancel: (runId) => translated(() => runner.cancel(runId)),
    retryTask: (runId, taskId) =>
      translated(async () => {
        (await runner.retryTask(runId, taskId)).done.catch(() => {});
      }),
    clearTask: (runId, taskId, downstream) =>
      translated(async () => {
        (await runner.clearTask(runId, taskId, { downstream })).done.catch(() => {});
      }),
    listRuns: (filter) => translated(() => runner.listRuns(filter)),
    getRun: (runId) => translated(async () => (await runner.getRun(runId)) ?? null),
    readLog: (runId, taskId, tryNumber, range) => translated(() => runner.readLog(runId, taskId, tryNumber, range)),
    subscribe: (listener) => runner.subscribe(listener),
    cancelAll: () => runner.cancelAll(),
    close: () => runner.close(),
  };

  const settings: HostSettings = {
    listVariables: () => translated(() => store.variables()),
    setVariable: (variable) => translated(() => void store.setVariable(variable)),
    deleteVariable: (name) => translated(() => store.deleteVariable(name)),
    listConnections: () => translated(() => store.connections()),
    setConnection: (connection) => translated(() => void store.setConnection(connection)),
    deleteConnection: (name) => translated(() => store.deleteConnection(name)),
    files: () => [store.paths.settings, store.paths.secrets],
  };

  return {
    runner: hostRunner,
    settings,
    protectedPaths: [join(options.dataDir, 'runs'), join(options.dataDir, 'logs')],
    close: () => runner.close(),
  };
}
