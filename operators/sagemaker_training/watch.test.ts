import { describe, expect, it } from 'vitest';
import { INITIAL_WATCH, observeTrainingJob } from './watch';

const t = (Status: string, StatusMessage?: string) => ({ Status: Status as never, StatusMessage, StartTime: new Date(0) });

describe('observeTrainingJob', () => {
  it('logs each new secondary-status transition once, and the status when it changes', () => {
    const first = observeTrainingJob(INITIAL_WATCH, {
      TrainingJobName: 'j',
      TrainingJobStatus: 'InProgress',
      SecondaryStatus: 'Starting',
      SecondaryStatusTransitions: [t('Starting', 'Preparing the instances for training')],
    });
    expect(first.lines).toEqual(['  Starting: Preparing the instances for training', 'status: InProgress (Starting)']);
    expect(first.outcome).toBeUndefined();

    const same = observeTrainingJob(first.state, {
      TrainingJobName: 'j',
      TrainingJobStatus: 'InProgress',
      SecondaryStatus: 'Starting',
      SecondaryStatusTransitions: [t('Starting', 'Preparing the instances for training')],
    });
    expect(same.lines).toEqual([]);

    const next = observeTrainingJob(same.state, {
      TrainingJobName: 'j',
      TrainingJobStatus: 'InProgress',
      SecondaryStatus: 'Training',
      SecondaryStatusTransitions: [t('Starting'), t('Downloading', 'Downloading input data'), t('Training', 'Training in progress.')],
    });
    expect(next.lines).toEqual(['  Downloading: Downloading input data', '  Training: Training in progress.']);
  });

  it('falls back to the secondary status when the reply carries no transitions', () => {
    const step = observeTrainingJob({ status: 'InProgress', secondary: 'Starting', transitionsLogged: 0 }, { TrainingJobName: 'j', TrainingJobStatus: 'InProgress', SecondaryStatus: 'Training' });
    expect(step.lines).toEqual(['status: InProgress (Training)']);
  });

  it('succeeds on Completed with the model URI and the spot saving', () => {
    const step = observeTrainingJob(INITIAL_WATCH, {
      TrainingJobName: 'j',
      TrainingJobStatus: 'Completed',
      SecondaryStatus: 'Completed',
      ModelArtifacts: { S3ModelArtifacts: 's3://b/out/j/output/model.tar.gz' },
      TrainingTimeInSeconds: 200,
      BillableTimeInSeconds: 50,
    });
    expect(step.outcome).toEqual({
      kind: 'completed',
      modelArtifacts: 's3://b/out/j/output/model.tar.gz',
      summary: 'training job "j" completed after 200 s of training (billable 50 s: spot saved 75%); model: s3://b/out/j/output/model.tar.gz',
    });
  });

  it('fails on Failed with the FailureReason, and on Stopped with the reason it stopped', () => {
    expect(observeTrainingJob(INITIAL_WATCH, { TrainingJobName: 'j', TrainingJobStatus: 'Failed', FailureReason: 'AlgorithmError: CUDA out of memory' }).outcome).toEqual({
      kind: 'failed',
      error: 'training job "j" failed: AlgorithmError: CUDA out of memory',
    });
    expect(observeTrainingJob(INITIAL_WATCH, { TrainingJobName: 'j', TrainingJobStatus: 'Stopped', SecondaryStatus: 'MaxRuntimeExceeded' }).outcome).toEqual({
      kind: 'stopped',
      error: 'training job "j" was stopped (MaxRuntimeExceeded) before it completed',
    });
    expect(observeTrainingJob(INITIAL_WATCH, { TrainingJobName: 'j', TrainingJobStatus: 'Stopped', SecondaryStatus: 'Stopped' }).outcome).toEqual({
      kind: 'stopped',
      error: 'training job "j" was stopped before it completed',
    });
  });
});
