import { describe, expect, it } from 'vitest';
import { sagemakerStopTrainingOperator } from './definition';

describe('sagemaker_stop_training definition', () => {
  it('needs a job name that SageMaker would accept, unless it is a template', () => {
    const parse = (config: Record<string, unknown>) => sagemakerStopTrainingOperator.validate!(sagemakerStopTrainingOperator.config.parse(config));
    expect(parse({ job_name: 'pets-1' })).toEqual([]);
    expect(parse({ job_name: '{{ ti.xcom_pull(task_ids="train")["job_name"] }}' })).toEqual([]);
    expect(parse({ job_name: 'pets 1' })).toEqual([
      { path: 'job_name', message: '"pets 1" is not a valid training job name (1–63 letters, digits and hyphens, starting and ending with a letter or digit)' },
    ]);
    expect(sagemakerStopTrainingOperator.config.safeParse({}).success).toBe(false);
  });

  it('does not wait and does not tolerate a missing job unless asked', () => {
    expect(sagemakerStopTrainingOperator.config.parse({ job_name: 'j' })).toEqual({ job_name: 'j', wait_until_stopped: false, ignore_missing: false, poll_interval_s: 10 });
  });
});
