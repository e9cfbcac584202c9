import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bash, pipeline, testRunner, type TestRunner } from './runner-fixtures';
import { processesWithEnv, processTableAvailable, waitUntil } from '../support/process-table';

/*
 * Timeouts and cancel end a task's whole process tree: its children, background jobs, a child that
 * ignores SIGTERM (SIGKILL after the grace period) and even one that left for its own session. The
 * process table is the judge: no process carrying the run's id may survive.
 */
describe.runIf(processTableAvailable())('timeouts and cancel leave no process behind', () => {
  let t: TestRunner;
  beforeAll(() => {
    t = testRunner({ killGraceMs: 500 });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const stubbornTree = [
    'sleep 300 &',
    "bash -c 'trap \"\" TERM; sleep 300' &",
    'setsid sleep 300 &',
    'echo tree-started',
    'wait',
  ].join('\n');

  it('kills the whole tree of a task that runs past timeout_s, and retries it', async () => {
    const p = pipeline('slow', [bash('hang', stubbornTree, { timeout_s: 1, retries: 1, retry_delay_s: 0 }), bash('after', 'echo never')], [['hang', 'after']]);
    const { runId, done } = await t.runner.start(p);
    const seen = await waitUntil(() => processesWithEnv('DAGSTUDIO_RUN_ID', runId).length >= 4);
    expect(seen).toBe(true);
    const record = await done;
    expect(record.tasks.hang?.state).toBe('failed');
    expect(record.tasks.hang?.try_number).toBe(2);
    expect(record.tasks.hang?.error).toBe('timed out after 1 s');
    expect(record.tasks.after?.state).toBe('upstream_failed');
    expect(processesWithEnv('DAGSTUDIO_RUN_ID', runId)).toEqual([]);
    const log = await t.runner.readLog(runId, 'hang', 1);
    expect(log.text).toContain('tree-started');
    expect(log.text).toContain('timed out after 1 s');
  });

  it('cancels a run: running tasks are killed, queued ones skipped, nothing retried, the run ends cancelled', async () => {
    const p = pipeline(
      'to_cancel',
      [
        bash('long_a', stubbornTree, { retries: 3, retry_delay_s: 0 }),
        bash('long_b', 'echo b-started; sleep 300'),
        bash('waiting', 'echo never'),
        bash('later', 'echo never'),
      ],
      [['long_a', 'later']],
      {},
    );
    const { runId, done } = await t.runner.start(p, { parallelism: 2 });
    await waitUntil(() => processesWithEnv('DAGSTUDIO_RUN_ID', runId).length >= 5);
    const cancelled = await t.runner.cancel(runId);
    expect(cancelled).toBe(true);
    const record = await done;
    expect(record.state).toBe('cancelled');
    expect(record.tasks.long_a?.state).toBe('failed');
    expect(record.tasks.long_a?.try_number).toBe(1);
    expect(record.tasks.long_a?.error).toBe('cancelled');
    expect(record.tasks.long_b?.state).toBe('failed');
    expect(record.tasks.waiting?.state).toBe('skipped');
    expect(record.tasks.later?.state).toBe('skipped');
    for (const ti of Object.values(record.tasks)) expect(['running', 'queued', 'scheduled', 'up_for_retry', 'none']).not.toContain(ti.state);
    expect(processesWithEnv('DAGSTUDIO_RUN_ID', runId)).toEqual([]);
    expect(record.pgids).toEqual([]);
    expect(t.runner.activeRuns()).not.toContain(runId);
  });

  it('cancels a task that waits for its retry', async () => {
    const p = pipeline('retry_wait', [bash('bad', 'exit 1', { retries: 5, retry_delay_s: 60 })], []);
    const { runId, done } = await t.runner.start(p);
    await waitUntil(() => t.events.some((e) => e.type === 'task-state' && e.run_id === runId && e.state === 'up_for_retry'));
    await t.runner.cancel(runId);
    const record = await done;
    expect(record.state).toBe('cancelled');
    expect(record.tasks.bad?.state).toBe('failed');
  });

  it('ends leftover background jobs when a task itself exits', async () => {
    const p = pipeline('leaky', [bash('leak', "nohup sleep 300 >/dev/null 2>&1 &\necho left-a-job")], []);
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    expect(record.tasks.leak?.state).toBe('success');
    expect(await waitUntil(() => processesWithEnv('DAGSTUDIO_RUN_ID', runId).length === 0, 5000)).toBe(true);
  });
});
