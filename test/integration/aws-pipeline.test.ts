import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Connection } from '../../shared/settings';
import { createRunner, type Runner } from '../../electron/runner/runner';
import { allLogText } from '../support/log-files';
import { createBucket, describeTrainingJob, startMoto, type MotoServer } from '../support/moto';

/*
 * The AWS operators inside a real run: the runner renders their templates, passes XCom between them, masks the
 * connection's secret and, on cancel, the training task stops its SageMaker job before the run ends.
 * moto runs with the training-job lifecycle (test/support/moto-training-lifecycle.py) so a job can be waiting.
 */

const SECRET = 'pipeline-secret-access-key-777';
let moto: MotoServer;
let runner: Runner;
let folder: string;

const pipeline = (id: string): Pipeline =>
  ({
    format: 'dagstudio/pipeline',
    version: 1,
    id,
    schedule: null,
    params: { epochs: 3 },
    groups: [],
    tasks: [
      {
        id: 'upload',
        operator: 's3_upload',
        config: { connection: 'moto', bucket: 'pets-data', path: folder, prefix: 'datasets/{{ ds }}/' },
        position: { x: 0, y: 0 },
      },
      {
        id: 'sense',
        operator: 's3_key_sensor',
        config: { connection: 'moto', bucket: 'pets-data', key: "{{ ti.xcom_pull(task_ids='upload')['keys'][0] }}", poke_interval_s: 0.2, timeout_s: 60 },
        position: { x: 200, y: 0 },
      },
      {
        id: 'train',
        operator: 'sagemaker_training',
        config: {
          connection: 'moto',
          job_name: `${id.replace(/_/g, '-')}-{{ ts_nodash }}`,
          role_arn: 'arn:aws:iam::123456789012:role/SageMakerExecution',
          image: 'img:1',
          input_s3_uri: 's3://pets-data/datasets/{{ ds }}/',
          output_s3_uri: 's3://pets-data/models/',
          hyperparameters: { epochs: '{{ params.epochs }}' },
          poll_interval_s: 0.2,
        },
        position: { x: 400, y: 0 },
      },
    ],
    edges: [
      { from: 'upload', to: 'sense' },
      { from: 'sense', to: 'train' },
    ],
  }) as unknown as Pipeline;

beforeAll(async () => {
  moto = await startMoto({ trainingLifecycle: true });
  await createBucket(moto, 'pets-data');
  folder = mkdtempSync(join(tmpdir(), 'dagstudio-aws-run-'));
  mkdirSync(join(folder, 'train'));
  writeFileSync(join(folder, 'train', 'labels.csv'), 'file,label\n');
  const connections: Connection[] = [
    { type: 'aws', name: 'moto', region: 'us-east-1', access_key_id: 'AKIAMOTOEXAMPLE', secret_access_key: SECRET, endpoint_url: moto.endpoint },
  ];
  runner = createRunner({ dataDir: mkdtempSync(join(tmpdir(), 'dagstudio-aws-data-')), settings: { variables: () => [], connections: () => connections }, parallelism: 2 });
});

afterAll(async () => {
  await runner?.close();
  await moto?.stop();
});

describe('AWS operators in a run', () => {
  it('upload → sensor → training succeeds with rendered templates, XCom between tasks and the model URI as return value', async () => {
    const { runId, done } = await runner.start(pipeline('aws_run_ok'));
    const record = await done;
    expect(record.state).toBe('success');
    const upload = record.tasks.upload!.return_value as { keys: string[] };
    expect(upload.keys).toEqual([expect.stringMatching(/^datasets\/\d{4}-\d{2}-\d{2}\/train\/labels\.csv$/)]);
    expect(record.tasks.sense!.return_value).toMatchObject({ keys: upload.keys });
    const train = record.tasks.train!.return_value as { job_name: string; status: string; model_artifacts: string };
    expect(train.job_name).toMatch(/^aws-run-ok-\d{8}T\d{6}$/);
    expect(train).toMatchObject({ status: 'Completed', model_artifacts: `s3://pets-data/models/${train.job_name}/output/model.tar.gz` });

    const job = await describeTrainingJob(moto, train.job_name);
    expect(job.HyperParameters).toEqual({ epochs: '3' });
    expect(job.InputDataConfig?.[0]?.DataSource?.S3DataSource?.S3Uri).toBe(`s3://pets-data/${upload.keys[0]!.replace(/train\/labels\.csv$/, '')}`);

    const log = (await runner.readLog(runId, 'train', 1)).text;
    expect(log).toContain('status: Completed (Completed)');
    const logs = allLogText(runner.dataDir);
    expect(logs).toContain(`uploading 1 file (11 B) from ${folder} to s3://pets-data/datasets/`);
    expect(logs).not.toContain(SECRET);
  });

  it('cancelling the run while the training task waits stops the SageMaker job (moto: Stopping, then Stopped)', async () => {
    await moto.setTransition('sagemaker::training_job', { progression: 'manual', times: 1_000_000 });
    try {
      let trainLog = '';
      let waiting!: () => void;
      const reachedWait = new Promise<void>((resolve) => (waiting = resolve));
      const unsubscribe = runner.subscribe((event) => {
        if (event.type === 'log' && event.task_id === 'train') {
          trainLog += event.text;
          if (trainLog.includes('status: InProgress (Starting)')) waiting();
        }
      });
      const { runId, done } = await runner.start(pipeline('aws_run_cancel'));
      await reachedWait;
      await runner.cancel(runId);
      const record = await done;
      unsubscribe();
      expect(record.state).toBe('cancelled');

      const jobName = /creating training job "([^"]+)"/.exec(trainLog)?.[1];
      expect(jobName).toMatch(/^aws-run-cancel-\d{8}T\d{6}$/);
      expect(await moto.trainingJob(jobName!)).toMatchObject({ training_job_status: 'Stopping' });
      const job = await describeTrainingJob(moto, jobName!);
      expect(job.TrainingJobStatus).toBe('Stopped');

      const log = (await runner.readLog(runId, 'train', 1)).text;
      expect(log).toContain(`stopping training job "${jobName}" because the task was cancelled`);
      expect(log).toContain(`StopTrainingJob accepted: "${jobName}" is stopping`);
      expect(allLogText(runner.dataDir)).not.toContain(SECRET);
    } finally {
      await moto.unsetTransition('sagemaker::training_job');
    }
  });
});
