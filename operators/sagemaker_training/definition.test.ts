import { describe, expect, it } from 'vitest';
import { fieldsOf, templatedFields } from '../../shared/operator';
import type { OperatorDefinition } from '../../shared/operator';
import { sagemakerTrainingOperator } from './definition';

const valid = {
  job_name: 'pets-1',
  role_arn: 'arn:aws:iam::123456789012:role/r',
  image: 'img:1',
  input_s3_uri: 's3://pets/in/',
  output_s3_uri: 's3://pets/out/',
};

function problems(config: Record<string, unknown>) {
  const parsed = sagemakerTrainingOperator.config.parse(config);
  return sagemakerTrainingOperator.validate!(parsed);
}

describe('sagemaker_training definition', () => {
  it('accepts a minimal job and fills the defaults', () => {
    const parsed = sagemakerTrainingOperator.config.parse(valid);
    expect(parsed).toMatchObject({ input_mode: 'File', instance_type: 'ml.m5.large', instance_count: 1, volume_gb: 30, spot: false, wait_for_completion: true, poll_interval_s: 30 });
    expect(sagemakerTrainingOperator.validate!(parsed)).toEqual([]);
  });

  it('requires a max wait of at least the max runtime for spot training', () => {
    expect(problems({ ...valid, spot: true })).toEqual([{ path: 'max_wait_s', message: 'managed spot training needs a max wait (at least the max runtime)' }]);
    expect(problems({ ...valid, spot: true, max_runtime_s: 3600, max_wait_s: 1800 })).toEqual([{ path: 'max_wait_s', message: 'must be at least max_runtime_s (3600)' }]);
    expect(problems({ ...valid, spot: true, max_runtime_s: 3600, max_wait_s: 3600 })).toEqual([]);
    expect(problems({ ...valid, max_wait_s: 3600 })).toEqual([{ path: 'max_wait_s', message: 'only used with managed spot training: turn spot on or remove it' }]);
  });

  it('wants s3:// URIs for data, output and checkpoints', () => {
    expect(problems({ ...valid, input_s3_uri: '/data/train' })).toEqual([{ path: 'input_s3_uri', message: 'must be an s3:// URI (s3://bucket/prefix), got "/data/train"' }]);
    expect(problems({ ...valid, output_s3_uri: 'https://pets.s3.amazonaws.com/out' })).toEqual([
      { path: 'output_s3_uri', message: 'must be an s3:// URI (s3://bucket/prefix), got "https://pets.s3.amazonaws.com/out"' },
    ]);
    expect(problems({ ...valid, checkpoint_s3_uri: 's3://A_B/x' })).toEqual([{ path: 'checkpoint_s3_uri', message: '"s3://A_B/x" does not name a valid bucket (s3://bucket/prefix)' }]);
  });

  it('checks names, the role ARN and the instance type, but leaves templates to after rendering', () => {
    expect(problems({ ...valid, job_name: 'pets_1' })).toEqual([
      { path: 'job_name', message: '"pets_1" is not a valid training job name (1–63 letters, digits and hyphens, starting and ending with a letter or digit)' },
    ]);
    expect(problems({ ...valid, role_arn: 'SageMakerRole' })).toEqual([{ path: 'role_arn', message: 'must be an IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>' }]);
    expect(problems({ ...valid, instance_type: 'm5.large' })).toEqual([{ path: 'instance_type', message: '"m5.large" is not an ML instance type (e.g. ml.m5.large)' }]);
    expect(problems({ ...valid, job_name: 'pets-{{ ts_nodash }}', role_arn: '{{ var.value.role }}', input_s3_uri: '{{ var.value.data }}' })).toEqual([]);
  });

  it('needs training data, and refuses a channel defined twice', () => {
    const { input_s3_uri: _, ...noInput } = valid;
    expect(problems(noInput)).toEqual([{ path: 'input_s3_uri', message: 'set the training data’s S3 URI (or at least one input channel)' }]);
    expect(problems({ ...noInput, channels: [{ name: 'train', s3_uri: 's3://pets/a/' }] })).toEqual([]);
    expect(problems({ ...valid, channels: [{ name: 'training', s3_uri: 's3://pets/a/' }] })).toEqual([{ path: 'channels[0].name', message: 'channel "training" is defined twice' }]);
  });

  it('rejects unknown keys and out-of-range numbers in the schema itself', () => {
    expect(sagemakerTrainingOperator.config.safeParse({ ...valid, instance_typ: 'x' }).success).toBe(false);
    expect(sagemakerTrainingOperator.config.safeParse({ ...valid, instance_count: 0 }).success).toBe(false);
    expect(sagemakerTrainingOperator.config.safeParse({ ...valid, input_mode: 'Stream' }).success).toBe(false);
  });

  it('describes every field for the form: title, templated fields, enum options, the aws connection picker', () => {
    const fields = fieldsOf(sagemakerTrainingOperator as unknown as OperatorDefinition);
    for (const f of fields) expect(f.ui.title, f.key).not.toBe(f.key);
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.connection!.ui).toMatchObject({ widget: 'connection', connectionType: 'aws' });
    expect(byKey.input_mode!.options).toEqual(['File', 'Pipe', 'FastFile']);
    expect(byKey.hyperparameters!.ui.widget).toBe('keyvalue');
    expect(templatedFields(sagemakerTrainingOperator as unknown as OperatorDefinition)).toEqual(
      expect.arrayContaining(['job_name', 'role_arn', 'image', 'input_s3_uri', 'output_s3_uri', 'hyperparameters']),
    );
    expect(sagemakerTrainingOperator.category).toBe('AWS');
  });
});
