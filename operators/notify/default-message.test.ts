import { describe, expect, it } from 'vitest';
import { failureSummary } from './default-message';

const run = { dagId: 'pet_detection', runId: 'manual__2024-05-01', taskId: 'notify_on_error' };

describe('failureSummary', () => {
  it('names the failed tasks and, apart, those that did not run because of them', () => {
    expect(
      failureSummary(run, {
        fetch: 'success',
        train: 'failed',
        validate: 'upstream_failed',
        deploy: 'upstream_failed',
        upload: 'failed',
        notify_on_error: 'running',
      }),
    ).toBe(
      'Pipeline pet_detection, run manual__2024-05-01: 2 tasks failed: train, upload; 2 tasks not run because of a failure upstream: deploy, validate.',
    );
  });

  it('says so when nothing failed', () => {
    expect(failureSummary(run, { fetch: 'success' })).toBe('Pipeline pet_detection, run manual__2024-05-01: no task has failed.');
  });

  it('uses the singular for one task', () => {
    expect(failureSummary(run, { train: 'failed' })).toBe('Pipeline pet_detection, run manual__2024-05-01: 1 task failed: train.');
  });
});
