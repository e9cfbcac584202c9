import type { TriggerRule } from '../../shared/pipeline/schema';

/**
 * Airflow's trigger rules (airflow/ti_deps/deps/trigger_rule_dep.py, with flag_upstream_failed on, as the
 * scheduler runs it): from the counts of a task's direct upstream states, either the task runs, it is
 * decided without running (skipped or upstream_failed, which is how those states propagate), or it waits.
 * Some rules decide before every upstream is done: all_success turns upstream_failed at the first failure.
 *
 * One deliberate difference: Airflow's all_success turns `skipped` at the first skipped upstream, so with a
 * skipped and a failed upstream the result depends on which one its scheduler loop saw first. Here
 * all_success waits for every upstream before choosing `skipped`, so a failure wins whatever the order
 * (the answer Airflow gives when it sees both), and the same pipeline always ends the same way.
 */

export interface UpstreamCounts {
  /** Number of direct upstream tasks. */
  upstream: number;
  success: number;
  failed: number;
  upstreamFailed: number;
  skipped: number;
  /** Upstream tasks in a finished state (success, failed, upstream_failed, skipped). */
  done: number;
}

export type TriggerDecision = 'run' | 'skipped' | 'upstream_failed' | 'wait';

export function emptyCounts(upstream: number): UpstreamCounts {
  return { upstream, success: 0, failed: 0, upstreamFailed: 0, skipped: 0, done: 0 };
}

export function evaluateTriggerRule(rule: TriggerRule, c: UpstreamCounts): TriggerDecision {
  if (c.upstream === 0 || rule === 'always') return 'run';
  const allDone = c.done >= c.upstream;
  const anyFailed = c.failed > 0 || c.upstreamFailed > 0;
  switch (rule) {
    case 'all_success':
      if (anyFailed) return 'upstream_failed';
      if (c.skipped > 0) return allDone ? 'skipped' : 'wait';
      return c.success === c.upstream ? 'run' : 'wait';
    case 'all_failed':
      if (c.success > 0 || c.skipped > 0) return 'skipped';
      return c.failed + c.upstreamFailed === c.upstream ? 'run' : 'wait';
    case 'all_done':
      return allDone ? 'run' : 'wait';
    case 'all_skipped':
      if (c.success > 0 || anyFailed) return 'skipped';
      return c.skipped === c.upstream ? 'run' : 'wait';
    case 'one_success':
      if (c.success > 0) return 'run';
      if (allDone) return c.done === c.skipped ? 'skipped' : 'upstream_failed';
      return 'wait';
    case 'one_failed':
      if (anyFailed) return 'run';
      return allDone ? 'skipped' : 'wait';
    case 'one_done':
      if (c.success + c.failed > 0) return 'run';
      return allDone ? 'skipped' : 'wait';
    case 'none_failed':
      if (anyFailed) return 'upstream_failed';
      return c.success + c.skipped === c.upstream ? 'run' : 'wait';
    case 'none_failed_min_one_success':
      if (anyFailed) return 'upstream_failed';
      if (c.skipped === c.upstream) return 'skipped';
      return c.success + c.skipped === c.upstream ? 'run' : 'wait';
    case 'none_skipped':
      if (c.skipped > 0) return 'skipped';
      return allDone ? 'run' : 'wait';
  }
  return 'wait';
}
