import { mkdtempSync, rmSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from '../../shared/settings';
import type { TaskState } from '../../shared/api/runs';
import type { SpawnOptions, SpawnResult, TaskRunContext } from '../../operators/execute-types';

/**
 * A real TaskRunContext for testing one executor on its own: a real AbortController, a real temp folder,
 * real processes through the runner's pty spawner. The log is kept in memory so tests can read it.
 * Full pipelines are tested through the runner itself (test/integration/runner-*.test.ts).
 */
export interface TestTaskContext extends TaskRunContext {
  controller: AbortController;
  logText: () => string;
  notifications: Array<{ title: string; body: string }>;
}

export function makeTaskContext(options: {
  config: Record<string, unknown>;
  connections?: Connection[];
  taskStates?: Record<string, TaskState>;
  taskId?: string;
  env?: Record<string, string>;
}): TestTaskContext {
  const dir = mkdtempSync(join(tmpdir(), 'dagstudio-task-'));
  try {
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  } catch {
    // Made outside a running test (e.g. in beforeAll): the caller owns the folder.
  }
  const controller = new AbortController();
  const chunks: string[] = [];
  const notifications: Array<{ title: string; body: string }> = [];
  const log = (text: string) => {
    chunks.push(text);
  };
  const returnFile = join(dir, 'return.json');
  return {
    runId: 'manual__test',
    dagId: 'test_dag',
    taskId: options.taskId ?? 'task',
    tryNumber: 1,
    config: options.config,
    env: {
      ...(process.env as Record<string, string>),
      ...options.env,
      DAGSTUDIO_RUN_ID: 'manual__test',
      DAGSTUDIO_TASK_ID: options.taskId ?? 'task',
      DAGSTUDIO_TRY_NUMBER: '1',
      DAGSTUDIO_RETURN_FILE: returnFile,
    },
    cwd: dir,
    returnFile,
    log,
    signal: controller.signal,
    async spawn(file: string, args: readonly string[], spawnOptions: SpawnOptions): Promise<SpawnResult> {
      const { spawnInPty } = await import('../../electron/runner/spawn');
      return spawnInPty(file, args, { ...spawnOptions, onData: log, signal: controller.signal });
    },
    connection(name: string): Connection {
      const found = (options.connections ?? []).find((c) => c.name === name);
      if (!found) throw new Error(`connection "${name}" does not exist`);
      return found;
    },
    taskStates: () => options.taskStates ?? {},
    notify(title: string, body: string) {
      notifications.push({ title, body });
    },
    dataDir: dir,
    controller,
    logText: () => chunks.join(''),
    notifications,
  };
}

/** Resolves once the task's log contains `text` (or matches the pattern): the executor is running and got that far. */
export async function logReaches(context: Pick<TestTaskContext, 'logText'>, text: string | RegExp): Promise<void> {
  const reached = () => (typeof text === 'string' ? context.logText().includes(text) : text.test(context.logText()));
  while (!reached()) await new Promise((resolve) => setTimeout(resolve, 10));
}
