import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunEvent } from '../../shared/api/events';
import type { Pipeline, Task, TriggerRule } from '../../shared/pipeline/schema';
import { createRunner, type Runner, type RunnerOptions } from '../../electron/runner/index';

/** Builders shared by the runner's (and the host's) integration tests: small pipelines of real bash/python tasks. */

const at = { x: 0, y: 0 };

export function bash(id: string, command: string, extra: Partial<Task> = {}): Task {
  return { id, operator: 'bash', config: { command }, position: at, ...extra };
}

export function python(id: string, code: string, extra: Partial<Task> = {}): Task {
  return { id, operator: 'python', config: { code }, position: at, ...extra };
}

export function ruled(id: string, rule: TriggerRule, command = 'true'): Task {
  return bash(id, command, { trigger_rule: rule });
}

export function pipeline(id: string, tasks: Task[], edges: Array<[string, string]> = [], extra: Partial<Pipeline> = {}): Pipeline {
  return {
    format: 'dagstudio/pipeline',
    version: 1,
    id,
    schedule: null,
    params: {},
    groups: [],
    tasks,
    edges: edges.map(([from, to]) => ({ from, to })),
    ...extra,
  };
}

export interface TestRunner {
  runner: Runner;
  dataDir: string;
  events: RunEvent[];
  cleanup: () => Promise<void>;
}

/** A runner on a fresh data dir that records every event. */
export function testRunner(options: Partial<RunnerOptions> = {}): TestRunner {
  const dataDir = mkdtempSync(join(tmpdir(), 'dagstudio-runner-test-'));
  const runner = createRunner({ dataDir, parallelism: 2, killGraceMs: 1000, ...options });
  const events: RunEvent[] = [];
  runner.subscribe((e) => events.push(e));
  return {
    runner,
    dataDir,
    events,
    cleanup: async () => {
      await runner.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The states each task passed through, in event order. */
export function stateTrail(events: RunEvent[], runId: string, taskId: string): string[] {
  return events.filter((e) => e.type === 'task-state' && e.run_id === runId && e.task_id === taskId).map((e) => (e as { state: string }).state);
}
