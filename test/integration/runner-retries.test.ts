import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bash, pipeline, stateTrail, testRunner, type TestRunner } from './runner-fixtures';

describe('retries and try numbers', () => {
  let t: TestRunner;
  beforeAll(() => {
    t = testRunner();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('retries a failing task until it succeeds, one log file per try, with the try number everywhere', async () => {
    const command = 'echo "try $DAGSTUDIO_TRY_NUMBER rendered {{ ti.try_number }}"; [ "$DAGSTUDIO_TRY_NUMBER" -ge 3 ] || exit 7; echo fine';
    const p = pipeline('flaky', [bash('flaky', command, { retries: 3, retry_delay_s: 0.2 }), bash('after', 'echo after')], [['flaky', 'after']]);
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    const ti = record.tasks.flaky!;
    expect(record.state).toBe('success');
    expect(ti.state).toBe('success');
    expect(ti.try_number).toBe(3);
    expect(ti.tries.map((x) => [x.try_number, x.state, x.exit_code])).toEqual([
      [1, 'failed', 7],
      [2, 'failed', 7],
      [3, 'success', 0],
    ]);
    expect(stateTrail(t.events, runId, 'flaky')).toEqual(['queued', 'running', 'up_for_retry', 'queued', 'running', 'up_for_retry', 'queued', 'running', 'success']);
    for (const n of [1, 2, 3]) {
      const log = readFileSync(join(t.dataDir, ti.tries[n - 1]!.log), 'utf8');
      expect(log).toContain(`try ${n} rendered ${n}\n`);
      expect(ti.tries[n - 1]!.log).toBe(join('logs', 'flaky', runId, 'flaky', `${n}.log`));
    }
    expect(readFileSync(join(t.dataDir, ti.tries[0]!.log), 'utf8')).toContain('exit code 7');
    expect(record.tasks.after?.state).toBe('success');
  });

  it('fails for good when the tries run out, and takes retries from the pipeline defaults', async () => {
    const p = pipeline('hopeless', [bash('always_bad', 'echo nope; exit 3'), bash('next', 'echo next')], [['always_bad', 'next']], {
      defaults: { retries: 2, retry_delay_s: 0.1 },
    });
    const record = await (await t.runner.start(p)).done;
    expect(record.tasks.always_bad?.state).toBe('failed');
    expect(record.tasks.always_bad?.try_number).toBe(3);
    expect(record.tasks.always_bad?.exit_code).toBe(3);
    expect(record.tasks.always_bad?.error).toBe('exit code 3');
    expect(record.tasks.next?.state).toBe('upstream_failed');
    expect(record.state).toBe('failed');
  });

  it('does not retry a skip (exit 99)', async () => {
    const record = await (await t.runner.start(pipeline('skipper', [bash('skip', 'exit 99', { retries: 2, retry_delay_s: 0 })], []))).done;
    expect(record.tasks.skip?.state).toBe('skipped');
    expect(record.tasks.skip?.try_number).toBe(1);
  });

  it('retries a failed task of a finished run, with the tasks that never ran because of it, and the run succeeds', async () => {
    const marker = join(t.dataDir, 'fixed');
    const p = pipeline(
      'repair',
      [bash('fragile', `test -e ${marker} || exit 4; echo repaired`), bash('downstream', 'echo {{ ti.xcom_pull(task_ids="fragile") }}'), bash('ok', 'echo ok')],
      [['fragile', 'downstream']],
    );
    const first = await t.runner.start(p);
    const failed = await first.done;
    expect(failed.state).toBe('failed');
    expect(failed.tasks.downstream?.state).toBe('upstream_failed');

    writeFileSync(marker, '');
    const again = await t.runner.retryTask(first.runId, 'fragile');
    expect(again.runId).toBe(first.runId);
    const record = await again.done;
    expect(record.state).toBe('success');
    expect(record.tasks.fragile?.try_number).toBe(2);
    expect(record.tasks.fragile?.tries.map((x) => x.state)).toEqual(['failed', 'success']);
    expect(record.tasks.downstream?.state).toBe('success');
    expect(record.tasks.downstream?.return_value).toBe('repaired');
    // A task that had succeeded was left alone.
    expect(record.tasks.ok?.try_number).toBe(1);
    const stored = await t.runner.getRun(first.runId);
    expect(stored?.state).toBe('success');
  });

  it("clears a task and its downstream (Airflow's clear) and re-runs them in the same run", async () => {
    const p = pipeline('clearing', [bash('a', 'echo a-$DAGSTUDIO_TRY_NUMBER'), bash('b', 'echo b-{{ ti.xcom_pull(task_ids="a") }}'), bash('c', 'echo c')], [['a', 'b']]);
    const first = await t.runner.start(p);
    await first.done;
    const cleared = await t.runner.clearTask(first.runId, 'a', { downstream: true });
    const record = await cleared.done;
    expect(record.state).toBe('success');
    expect(record.tasks.a?.try_number).toBe(2);
    expect(record.tasks.b?.try_number).toBe(2);
    expect(record.tasks.b?.return_value).toBe('b-a-2');
    expect(record.tasks.c?.try_number).toBe(1);
    expect(stateTrail(t.events, first.runId, 'b').slice(-4)).toEqual(['none', 'queued', 'running', 'success']);
  });
});
