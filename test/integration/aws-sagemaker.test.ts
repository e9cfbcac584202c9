import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsConnection } from '../../shared/settings';
import { CancelledError } from '../../operators/aws/cancel';
import { executeSagemakerStopTraining } from '../../operators/sagemaker_stop_training/execute';
import { executeSagemakerTraining } from '../../operators/sagemaker_training/execute';
import { describeTrainingJob, startMoto, type MotoServer } from '../support/moto';
import { logReaches, makeTaskContext, type TestTaskContext } from '../support/task-context';

/*
 * sagemaker_training and sagemaker_stop_training against real moto servers. Stock moto creates every training
 * job already Completed and has no StopTrainingJob, so two servers run: stock moto for the request and the
 * stock behaviour (its request recorder proves the StopTrainingJob call), and moto with the training-job
 * lifecycle of test/support/moto-training-lifecycle.py for waiting, transitions, failure and stopping.
 */

const SECRET = 'sagemaker-secret-key-do-not-log';
const ROLE = 'arn:aws:iam::123456789012:role/SageMakerExecution';

let stock: MotoServer;
let lifecycle: MotoServer;

const connectionTo = (moto: MotoServer): AwsConnection => ({
  type: 'aws',
  name: 'moto',
  region: 'us-east-1',
  access_key_id: 'AKIAMOTOEXAMPLE',
  secret_access_key: SECRET,
  endpoint_url: moto.endpoint,
});

function task(moto: MotoServer, config: Record<string, unknown>): TestTaskContext {
  return makeTaskContext({ config, connections: [connectionTo(moto)] });
}

const seedJob = (name: string) => ({
  connection: 'moto',
  job_name: name,
  role_arn: ROLE,
  image: '811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1',
  input_mode: 'Pipe',
  instance_type: 'ml.p3.2xlarge',
  instance_count: 2,
  volume_gb: 50,
  input_s3_uri: 's3://pets-data/datasets/2024-01-01/train/',
  content_type: 'application/x-recordio',
  channels: [{ name: 'validation', s3_uri: 's3://pets-data/datasets/2024-01-01/val/', content_type: 'application/x-recordio' }],
  output_s3_uri: 's3://pets-data/models/',
  hyperparameters: { num_classes: 37, learning_rate: 0.001, use_pretrained_model: true, base_network: 'resnet-50' },
  max_runtime_s: 3600,
  spot: true,
  max_wait_s: 7200,
  wait_for_completion: true,
  poll_interval_s: 0.1,
});

beforeAll(async () => {
  [stock, lifecycle] = await Promise.all([startMoto(), startMoto({ trainingLifecycle: true })]);
});

afterAll(async () => {
  await Promise.all([stock?.stop(), lifecycle?.stop()]);
});

describe('sagemaker_training against stock moto', () => {
  it('creates the job with exactly the configured request, logs its transitions and returns the job name and model URI', async () => {
    const ctx = task(stock, seedJob('pets-20240101T000000'));
    const outcome = await executeSagemakerTraining(ctx);
    expect(outcome).toEqual({
      state: 'success',
      returnValue: {
        job_name: 'pets-20240101T000000',
        job_arn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/pets-20240101T000000',
        status: 'Completed',
        model_artifacts: 's3://pets-data/models/pets-20240101T000000/output/model.tar.gz',
      },
    });

    // moto's side: the job holds every setting as configured.
    const job = await describeTrainingJob(stock, 'pets-20240101T000000');
    expect(job.RoleArn).toBe(ROLE);
    expect(job.AlgorithmSpecification).toMatchObject({ TrainingImage: '811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1', TrainingInputMode: 'Pipe' });
    expect(job.ResourceConfig).toEqual({ InstanceType: 'ml.p3.2xlarge', InstanceCount: 2, VolumeSizeInGB: 50 });
    expect(job.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 });
    expect(job.EnableManagedSpotTraining).toBe(true);
    expect(job.HyperParameters).toEqual({ num_classes: '37', learning_rate: '0.001', use_pretrained_model: 'true', base_network: 'resnet-50' });
    expect(job.InputDataConfig).toEqual([
      {
        ChannelName: 'training',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://pets-data/datasets/2024-01-01/train/', S3DataDistributionType: 'FullyReplicated' } },
        ContentType: 'application/x-recordio',
      },
      {
        ChannelName: 'validation',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://pets-data/datasets/2024-01-01/val/', S3DataDistributionType: 'FullyReplicated' } },
        ContentType: 'application/x-recordio',
      },
    ]);
    expect(job.OutputDataConfig).toEqual({ S3OutputPath: 's3://pets-data/models/' });

    const log = ctx.logText();
    expect(log).toContain(
      'creating training job "pets-20240101T000000": 811284229777.dkr.ecr.us-east-1.amazonaws.com/object-detection:1 (Pipe mode) on 2 × ml.p3.2xlarge, 50 GB, managed spot (max wait 7200 s), max runtime 3600 s; ' +
        'input training=s3://pets-data/datasets/2024-01-01/train/, validation=s3://pets-data/datasets/2024-01-01/val/; output s3://pets-data/models/\n',
    );
    expect(log).toContain('created training job arn:aws:sagemaker:us-east-1:123456789012:training-job/pets-20240101T000000\n');
    expect(log).toContain('  Starting: Preparing the instances for training\nstatus: Completed (Completed)\n');
    expect(log).toContain('training job "pets-20240101T000000" completed');
    expect(log).not.toContain(SECRET);
  });

  it('cancelling right after the job was created sends StopTrainingJob, as moto’s request recorder shows', async () => {
    await stock.startRecording();
    const ctx = task(stock, seedJob('pets-cancelled-early'));
    const log = ctx.log;
    ctx.log = (text) => {
      log(text);
      if (text.startsWith('created training job')) ctx.controller.abort();
    };
    const error = await executeSagemakerTraining(ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CancelledError);

    const stops = (await stock.recordedRequests()).filter((r) => r.headers['X-Amz-Target'] === 'SageMaker.StopTrainingJob');
    // Stock moto does not implement StopTrainingJob: it answers HTTP 500, which the SDK retries, and the log says
    // the stop could not be confirmed.
    expect(stops.length).toBeGreaterThanOrEqual(1);
    for (const stop of stops) expect(JSON.parse(stop.body)).toEqual({ TrainingJobName: 'pets-cancelled-early' });
    expect(ctx.logText()).toContain('stopping training job "pets-cancelled-early" because the task was cancelled\n');
    expect(ctx.logText()).toContain(
      `could not stop training job "pets-cancelled-early": StopTrainingJob failed: ${stock.endpoint} answered HTTP 500 with a reply that is not an AWS error; stop it in the SageMaker console\n`,
    );
    expect((error as Error).message).toBe('cancelled; training job "pets-cancelled-early" could not be stopped');
  });

  it('with no connection it uses the standard AWS chain: keys, region and endpoint from the environment', async () => {
    await executeSagemakerTraining(task(stock, { ...seedJob('pets-env-chain'), wait_for_completion: false }));
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAFROMENVIRONMENT',
      AWS_SECRET_ACCESS_KEY: 'env-secret',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_SAGEMAKER: stock.endpoint,
    });
    delete process.env.AWS_PROFILE;
    try {
      const ctx = makeTaskContext({ config: { job_name: 'pets-env-chain' } });
      expect(await executeSagemakerStopTraining(ctx)).toEqual({ state: 'success', returnValue: { job_name: 'pets-env-chain', status: 'Completed' } });
      expect(ctx.logText()).toContain(`using the default AWS credential chain → ${stock.endpoint}\n`);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('without wait_for_completion it returns once the job exists, with the URI the model will have', async () => {
    const ctx = task(stock, { ...seedJob('pets-fire-and-forget'), wait_for_completion: false });
    expect(await executeSagemakerTraining(ctx)).toEqual({
      state: 'success',
      returnValue: {
        job_name: 'pets-fire-and-forget',
        job_arn: 'arn:aws:sagemaker:us-east-1:123456789012:training-job/pets-fire-and-forget',
        status: 'InProgress',
        model_artifacts: 's3://pets-data/models/pets-fire-and-forget/output/model.tar.gz',
      },
    });
    expect(ctx.logText()).toContain('not waiting for completion (wait_for_completion is off)\n');
    expect(ctx.logText()).not.toContain('waiting for completion, checking');
  });
});

describe('sagemaker_training against moto with a training-job lifecycle', () => {
  it('logs every status and secondary-status transition while it waits, and succeeds on Completed', async () => {
    await lifecycle.setTransition('sagemaker::training_job', { progression: 'manual', times: 1 });
    try {
      const ctx = task(lifecycle, seedJob('pets-walks-through'));
      const outcome = await executeSagemakerTraining(ctx);
      expect(outcome).toMatchObject({ state: 'success', returnValue: { status: 'Completed', model_artifacts: 's3://pets-data/models/pets-walks-through/output/model.tar.gz' } });
      const log = ctx.logText();
      const statusLines = log.split('\n').filter((line) => line.startsWith('  ') || line.startsWith('status: '));
      expect(statusLines).toEqual([
        '  Starting: Preparing the instances for training',
        '  Downloading: Downloading input data',
        'status: InProgress (Downloading)',
        '  Training: Training image download completed. Training in progress.',
        '  Uploading: Uploading generated training model',
        '  Completed: Training job completed',
        'status: Completed (Completed)',
      ]);
    } finally {
      await lifecycle.unsetTransition('sagemaker::training_job');
    }
  });

  it('cancelling a waiting task stops the job: moto holds it Stopping, then Stopped', async () => {
    await lifecycle.setTransition('sagemaker::training_job', { progression: 'manual', times: 1_000_000 });
    try {
      const ctx = task(lifecycle, seedJob('pets-cancelled'));
      const running = executeSagemakerTraining(ctx);
      await logReaches(ctx, /status: InProgress \(Starting\)\n/);
      ctx.controller.abort();
      const error = await running.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CancelledError);
      expect((error as Error).message).toBe('cancelled; training job "pets-cancelled" is stopping');
      expect(ctx.logText()).toContain('stopping training job "pets-cancelled" because the task was cancelled\nStopTrainingJob accepted: "pets-cancelled" is stopping\n');

      // moto's own state, read without describing (which would move the job on).
      expect(await lifecycle.trainingJob('pets-cancelled')).toMatchObject({ training_job_status: 'Stopping', secondary_status: 'Stopping' });
      const after = await describeTrainingJob(lifecycle, 'pets-cancelled');
      expect([after.TrainingJobStatus, after.SecondaryStatus]).toEqual(['Stopped', 'Stopped']);
    } finally {
      await lifecycle.unsetTransition('sagemaker::training_job');
    }
  });

  it('fails with the FailureReason when the job fails', async () => {
    await lifecycle.setTransition('sagemaker::training_job', { progression: 'manual', times: 1_000_000 });
    try {
      const ctx = task(lifecycle, seedJob('pets-fails'));
      const running = executeSagemakerTraining(ctx);
      await logReaches(ctx, /status: InProgress/);
      await lifecycle.failTrainingJob('pets-fails', 'AlgorithmError: CUDA out of memory (batch_size 256)');
      await expect(running).rejects.toThrow(/^training job "pets-fails" failed: AlgorithmError: CUDA out of memory \(batch_size 256\)$/);
      expect(ctx.logText()).toContain('status: Failed (Failed)\n');
    } finally {
      await lifecycle.unsetTransition('sagemaker::training_job');
    }
  });

  it('sagemaker_stop_training stops a running job (the waiting training task then fails as Stopped) and is idempotent', async () => {
    await lifecycle.setTransition('sagemaker::training_job', { progression: 'manual', times: 1_000_000 });
    try {
      const trainCtx = task(lifecycle, seedJob('pets-stopped-by-task'));
      const training = executeSagemakerTraining(trainCtx);
      await logReaches(trainCtx, /status: InProgress/);

      const stopCtx = task(lifecycle, { connection: 'moto', job_name: 'pets-stopped-by-task' });
      expect(await executeSagemakerStopTraining(stopCtx)).toEqual({ state: 'success', returnValue: { job_name: 'pets-stopped-by-task', status: 'Stopping' } });
      expect(stopCtx.logText()).toContain('stopping training job "pets-stopped-by-task" (InProgress)\nStopTrainingJob accepted: "pets-stopped-by-task" is stopping\n');

      await expect(training).rejects.toThrow(/^training job "pets-stopped-by-task" was stopped before it completed$/);
      expect(trainCtx.logText()).toContain('  Stopping: Stopping the training job\n  Stopped: The training job was stopped\nstatus: Stopped (Stopped)\n');

      const again = task(lifecycle, { connection: 'moto', job_name: 'pets-stopped-by-task' });
      expect(await executeSagemakerStopTraining(again)).toEqual({ state: 'success', returnValue: { job_name: 'pets-stopped-by-task', status: 'Stopped' } });
      expect(again.logText()).toContain('training job "pets-stopped-by-task" has already ended (Stopped); nothing to stop\n');
    } finally {
      await lifecycle.unsetTransition('sagemaker::training_job');
    }
  });

  it('sagemaker_stop_training can wait until the job has stopped', async () => {
    await lifecycle.setTransition('sagemaker::training_job', { progression: 'manual', times: 1_000_000 });
    try {
      const start = task(lifecycle, { ...seedJob('pets-stop-and-wait'), wait_for_completion: false });
      await executeSagemakerTraining(start);
      const ctx = task(lifecycle, { connection: 'moto', job_name: 'pets-stop-and-wait', wait_until_stopped: true, poll_interval_s: 0.1 });
      expect(await executeSagemakerStopTraining(ctx)).toEqual({ state: 'success', returnValue: { job_name: 'pets-stop-and-wait', status: 'Stopped' } });
      expect(ctx.logText()).toContain('training job "pets-stop-and-wait" is Stopped\n');
    } finally {
      await lifecycle.unsetTransition('sagemaker::training_job');
    }
  });

  it('sagemaker_stop_training on a finished job succeeds; on a missing job it fails unless told to ignore it', async () => {
    const done = task(lifecycle, seedJob('pets-finished'));
    await executeSagemakerTraining(done);
    const stopDone = task(lifecycle, { connection: 'moto', job_name: 'pets-finished' });
    expect(await executeSagemakerStopTraining(stopDone)).toEqual({ state: 'success', returnValue: { job_name: 'pets-finished', status: 'Completed' } });
    expect(stopDone.logText()).toContain('training job "pets-finished" has already ended (Completed); nothing to stop\n');

    await expect(executeSagemakerStopTraining(task(lifecycle, { connection: 'moto', job_name: 'no-such-job' }))).rejects.toThrow(/^training job "no-such-job" does not exist$/);
    const tolerant = task(lifecycle, { connection: 'moto', job_name: 'no-such-job', ignore_missing: true });
    expect(await executeSagemakerStopTraining(tolerant)).toEqual({ state: 'success', returnValue: { job_name: 'no-such-job', status: null } });
  });
});
