import { describe, expect, it } from 'vitest';
import { evaluateTriggerRule, type UpstreamCounts } from './trigger-rules';

const counts = (upstream: number, c: Partial<UpstreamCounts>): UpstreamCounts => {
  const base = { success: 0, failed: 0, upstreamFailed: 0, skipped: 0, ...c };
  return { upstream, ...base, done: base.success + base.failed + base.upstreamFailed + base.skipped };
};

describe('trigger rules', () => {
  it('runs a task without upstream tasks, whatever its rule', () => {
    expect(evaluateTriggerRule('all_failed', counts(0, {}))).toBe('run');
    expect(evaluateTriggerRule('one_success', counts(0, {}))).toBe('run');
  });

  it('waits while the rule cannot be decided yet', () => {
    expect(evaluateTriggerRule('all_success', counts(2, { success: 1 }))).toBe('wait');
    expect(evaluateTriggerRule('all_done', counts(2, { failed: 1 }))).toBe('wait');
    expect(evaluateTriggerRule('one_failed', counts(2, { success: 1 }))).toBe('wait');
    expect(evaluateTriggerRule('none_skipped', counts(2, { success: 1 }))).toBe('wait');
  });

  it('decides before every upstream is done when Airflow does', () => {
    expect(evaluateTriggerRule('all_success', counts(3, { failed: 1 }))).toBe('upstream_failed');
    expect(evaluateTriggerRule('one_success', counts(3, { success: 1 }))).toBe('run');
    expect(evaluateTriggerRule('one_failed', counts(3, { upstreamFailed: 1 }))).toBe('run');
    expect(evaluateTriggerRule('all_failed', counts(3, { skipped: 1 }))).toBe('skipped');
    expect(evaluateTriggerRule('none_skipped', counts(3, { skipped: 1 }))).toBe('skipped');
  });

  it('lets a failure win over a skip for all_success, in whichever order they arrive', () => {
    expect(evaluateTriggerRule('all_success', counts(2, { skipped: 1 }))).toBe('wait');
    expect(evaluateTriggerRule('all_success', counts(2, { skipped: 1, failed: 1 }))).toBe('upstream_failed');
    expect(evaluateTriggerRule('all_success', counts(2, { skipped: 1, success: 1 }))).toBe('skipped');
  });

  it('tells skipped from upstream_failed when one_success finds no success', () => {
    expect(evaluateTriggerRule('one_success', counts(2, { skipped: 2 }))).toBe('skipped');
    expect(evaluateTriggerRule('one_success', counts(2, { skipped: 1, failed: 1 }))).toBe('upstream_failed');
  });

  it('needs a success for none_failed_min_one_success but not for none_failed', () => {
    expect(evaluateTriggerRule('none_failed', counts(2, { skipped: 2 }))).toBe('run');
    expect(evaluateTriggerRule('none_failed_min_one_success', counts(2, { skipped: 2 }))).toBe('skipped');
    expect(evaluateTriggerRule('none_failed_min_one_success', counts(2, { skipped: 1, success: 1 }))).toBe('run');
  });
});
