import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIGGER_RULES, type Task, type TriggerRule } from '../../shared/pipeline/schema';
import { bash, pipeline, ruled, stateTrail, testRunner, type TestRunner } from './runner-fixtures';

/*
 * Every trigger rule against upstream-state combinations, with the outcome Airflow documents (its
 * trigger-rule docs and trigger_rule_dep.py): "run" means the task ran (and succeeded), otherwise the
 * state it was given without running. S success, F failed, K skipped, U upstream_failed.
 */
type Outcome = 'run' | 'skipped' | 'upstream_failed';
type Combo = 'SS' | 'SF' | 'SK' | 'FF' | 'KK' | 'FK' | 'SU' | 'UU' | 'KU';

const EXPECTED: Record<TriggerRule, Record<Combo, Outcome>> = {
  all_success: { SS: 'run', SF: 'upstream_failed', SK: 'skipped', FF: 'upstream_failed', KK: 'skipped', FK: 'upstream_failed', SU: 'upstream_failed', UU: 'upstream_failed', KU: 'upstream_failed' },
  all_failed: { SS: 'skipped', SF: 'skipped', SK: 'skipped', FF: 'run', KK: 'skipped', FK: 'skipped', SU: 'skipped', UU: 'run', KU: 'skipped' },
  all_done: { SS: 'run', SF: 'run', SK: 'run', FF: 'run', KK: 'run', FK: 'run', SU: 'run', UU: 'run', KU: 'run' },
  all_skipped: { SS: 'skipped', SF: 'skipped', SK: 'skipped', FF: 'skipped', KK: 'run', FK: 'skipped', SU: 'skipped', UU: 'skipped', KU: 'skipped' },
  one_success: { SS: 'run', SF: 'run', SK: 'run', FF: 'upstream_failed', KK: 'skipped', FK: 'upstream_failed', SU: 'run', UU: 'upstream_failed', KU: 'upstream_failed' },
  one_failed: { SS: 'skipped', SF: 'run', SK: 'skipped', FF: 'run', KK: 'skipped', FK: 'run', SU: 'run', UU: 'run', KU: 'run' },
  one_done: { SS: 'run', SF: 'run', SK: 'run', FF: 'run', KK: 'skipped', FK: 'run', SU: 'run', UU: 'skipped', KU: 'skipped' },
  none_failed: { SS: 'run', SF: 'upstream_failed', SK: 'run', FF: 'upstream_failed', KK: 'run', FK: 'upstream_failed', SU: 'upstream_failed', UU: 'upstream_failed', KU: 'upstream_failed' },
  none_failed_min_one_success: { SS: 'run', SF: 'upstream_failed', SK: 'run', FF: 'upstream_failed', KK: 'skipped', FK: 'upstream_failed', SU: 'upstream_failed', UU: 'upstream_failed', KU: 'upstream_failed' },
  none_skipped: { SS: 'run', SF: 'run', SK: 'skipped', FF: 'run', KK: 'skipped', FK: 'skipped', SU: 'run', UU: 'run', KU: 'skipped' },
  always: { SS: 'run', SF: 'run', SK: 'run', FF: 'run', KK: 'run', FK: 'run', SU: 'run', UU: 'run', KU: 'run' },
};

/** Upstream task(s) that end in the given state (U: a task downstream of a failure), after `delay`. */
function upstreamTasks(name: string, state: string, delay: string): { tasks: Task[]; edges: Array<[string, string]> } {
  switch (state) {
    case 'S':
      return { tasks: [bash(name, `${delay}echo ok`)], edges: [] };
    case 'F':
      return { tasks: [bash(name, `${delay}exit 1`)], edges: [] };
    case 'K':
      return { tasks: [bash(name, `${delay}exit 99`)], edges: [] };
    default:
      return { tasks: [bash(`${name}_cause`, `${delay}exit 1`), bash(name, 'echo never')], edges: [[`${name}_cause`, name]] };
  }
}

/* Each mixed combination also runs the other way round: the second upstream always ends last, so both orders of arrival are covered. */
const COMBOS = (Object.keys(EXPECTED.all_success) as Combo[]).flatMap((c) => (c[0] === c[1] ? [c] : [c, `${c[1]}${c[0]}`]));
const expectedFor = (rule: TriggerRule, combo: string): Outcome =>
  (EXPECTED[rule] as Record<string, Outcome>)[combo] ?? (EXPECTED[rule] as Record<string, Outcome>)[`${combo[1]}${combo[0]}`]!;

describe('trigger rules', () => {
  let t: TestRunner;
  beforeAll(() => {
    t = testRunner();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  for (const combo of COMBOS) {
    it(`decides every rule as Airflow does when the upstream states are ${combo}`, async () => {
      const a = upstreamTasks('up_a', combo[0] as string, '');
      const b = upstreamTasks('up_b', combo[1] as string, 'sleep 0.3; ');
      const rules = TRIGGER_RULES.map((rule) => ruled(`t_${rule}`, rule, `echo ran ${rule}`));
      const edges = [...a.edges, ...b.edges, ...rules.flatMap((r): Array<[string, string]> => [['up_a', r.id], ['up_b', r.id]])];
      const { done } = await t.runner.start(pipeline(`rules_${combo}`, [...a.tasks, ...b.tasks, ...rules], edges));
      const record = await done;

      expect(record.tasks.up_a?.state).toBe({ S: 'success', F: 'failed', K: 'skipped', U: 'upstream_failed' }[combo[0] as string]);
      expect(record.tasks.up_b?.state).toBe({ S: 'success', F: 'failed', K: 'skipped', U: 'upstream_failed' }[combo[1] as string]);
      const got = Object.fromEntries(TRIGGER_RULES.map((rule) => {
        const ti = record.tasks[`t_${rule}`]!;
        return [rule, ti.state === 'success' && ti.try_number === 1 ? 'run' : ti.state];
      }));
      const want = Object.fromEntries(TRIGGER_RULES.map((rule) => [rule, expectedFor(rule, combo)]));
      expect(got).toEqual(want);
      // A task decided without running never got a try.
      for (const rule of TRIGGER_RULES) {
        if (want[rule] !== 'run') expect(record.tasks[`t_${rule}`]?.try_number).toBe(0);
      }
    });
  }

  it('decides all_success as upstream_failed at the first failure, before a slow upstream ends', async () => {
    const p = pipeline(
      'early_decision',
      [bash('slow', 'sleep 1.5; echo done'), bash('broken', 'exit 2'), ruled('joined', 'all_success'), ruled('rescue', 'one_failed'), ruled('first_win', 'one_success')],
      [['slow', 'joined'], ['broken', 'joined'], ['slow', 'rescue'], ['broken', 'rescue'], ['slow', 'first_win'], ['broken', 'first_win']],
    );
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    const order = t.events
      .filter((e) => e.type === 'task-state' && e.run_id === runId && ['success', 'failed', 'upstream_failed', 'running'].includes(e.state))
      .map((e) => `${(e as { task_id: string }).task_id}:${(e as { state: string }).state}`);
    const slowDone = order.indexOf('slow:success');
    expect(order.indexOf('joined:upstream_failed')).toBeGreaterThan(-1);
    expect(order.indexOf('joined:upstream_failed')).toBeLessThan(slowDone);
    // one_failed starts as soon as one upstream failed; one_success waits for the slow success.
    expect(order.indexOf('rescue:running')).toBeLessThan(slowDone);
    expect(order.indexOf('first_win:running')).toBeGreaterThan(slowDone);
    expect(record.state).toBe('failed');
  });

  it('propagates a skip down a chain and lets none_failed_min_one_success decide on what ran', async () => {
    const p = pipeline(
      'skip_chain',
      [bash('gate', 'echo not today; exit 99'), ruled('a', 'all_success'), ruled('b', 'all_success'), bash('other', 'echo ok'), ruled('join', 'none_failed_min_one_success'), ruled('all_skip', 'none_failed_min_one_success')],
      [['gate', 'a'], ['a', 'b'], ['b', 'join'], ['other', 'join'], ['b', 'all_skip']],
    );
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    expect(record.tasks.gate?.state).toBe('skipped');
    expect(record.tasks.gate?.exit_code).toBe(99);
    expect(record.tasks.a?.state).toBe('skipped');
    expect(record.tasks.b?.state).toBe('skipped');
    expect(record.tasks.join?.state).toBe('success');
    expect(record.tasks.all_skip?.state).toBe('skipped');
    expect(record.state).toBe('success');
    expect(stateTrail(t.events, runId, 'a')).toEqual(['skipped']);
  });

  it('fails the run when a task failed even though a one_failed handler succeeded', async () => {
    const p = pipeline('handled', [bash('work', 'exit 1'), ruled('on_error', 'one_failed', 'echo alerting')], [['work', 'on_error']]);
    const record = await (await t.runner.start(p)).done;
    expect(record.tasks.on_error?.state).toBe('success');
    expect(record.state).toBe('failed');
  });

  it('applies the pipeline defaults to every task that does not set its own rule', async () => {
    const p = pipeline('defaults', [bash('bad', 'exit 1'), bash('after', 'echo ran'), ruled('strict', 'all_success')], [['bad', 'after'], ['bad', 'strict']], {
      defaults: { trigger_rule: 'all_done' },
    });
    const record = await (await t.runner.start(p)).done;
    expect(record.tasks.after?.state).toBe('success');
    expect(record.tasks.strict?.state).toBe('upstream_failed');
  });
});
