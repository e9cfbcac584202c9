import { DescribeTrainingJobCommand, StopTrainingJobCommand, type SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { Executor, TaskRunContext } from '../execute-types';
import { sleep, throwIfCancelled } from '../aws/cancel';
import { describeSession, sagemakerSession, type AwsSession } from '../aws/clients';
import { isMissingTrainingJob, withAwsErrors } from '../aws/errors';
import { readConfig } from '../aws/read-config';
import { sagemakerStopTrainingOperator } from './definition';

const ENDED = new Set(['Completed', 'Failed', 'Stopped']);

export const executeSagemakerStopTraining: Executor = async (ctx) => {
  const config = readConfig(sagemakerStopTrainingOperator, ctx.config);
  const jobName = config.job_name;
  const sm = sagemakerSession(ctx, config.connection);
  try {
    ctx.log(`${describeSession(sm)}\n`);
    const status = await currentStatus(ctx, sm, jobName);
    if (status === undefined) {
      if (!config.ignore_missing) throw new Error(`training job "${jobName}" does not exist`);
      ctx.log(`training job "${jobName}" does not exist; nothing to stop (ignore_missing is on)\n`);
      return { state: 'success', returnValue: { job_name: jobName, status: null } };
    }
    if (ENDED.has(status)) {
      ctx.log(`training job "${jobName}" has already ended (${status}); nothing to stop\n`);
      return { state: 'success', returnValue: { job_name: jobName, status } };
    }
    let final = status;
    if (status === 'Stopping') {
      ctx.log(`training job "${jobName}" is already stopping\n`);
    } else {
      ctx.log(`stopping training job "${jobName}" (${status})\n`);
      try {
        await withAwsErrors(sm.call('StopTrainingJob', { jobName }), () =>
          sm.client.send(new StopTrainingJobCommand({ TrainingJobName: jobName }), { abortSignal: ctx.signal }),
        );
        final = 'Stopping';
        ctx.log(`StopTrainingJob accepted: "${jobName}" is stopping\n`);
      } catch (error) {
        // The job may have ended between the two calls: that is the outcome this task wants anyway.
        const now = await currentStatus(ctx, sm, jobName);
        if (now === undefined || !ENDED.has(now)) throw error;
        ctx.log(`training job "${jobName}" ended on its own meanwhile (${now})\n`);
        return { state: 'success', returnValue: { job_name: jobName, status: now } };
      }
    }
    if (config.wait_until_stopped) final = await waitUntilEnded(ctx, sm, jobName, config.poll_interval_s * 1000);
    return { state: 'success', returnValue: { job_name: jobName, status: final } };
  } finally {
    sm.client.destroy();
  }
};

/** The job's status, or undefined when no such job exists. */
async function currentStatus(ctx: TaskRunContext, sm: AwsSession<SageMakerClient>, jobName: string): Promise<string | undefined> {
  const describe = () => sm.client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }), { abortSignal: ctx.signal });
  const job = await withAwsErrors(sm.call('DescribeTrainingJob', { jobName }), () =>
    describe().catch((error: unknown) => {
      if (isMissingTrainingJob(error)) return undefined;
      throw error;
    }),
  );
  return job === undefined ? undefined : (job.TrainingJobStatus ?? 'unknown');
}

async function waitUntilEnded(ctx: TaskRunContext, sm: AwsSession<SageMakerClient>, jobName: string, pollMs: number): Promise<string> {
  for (;;) {
    throwIfCancelled(ctx.signal);
    const status = await currentStatus(ctx, sm, jobName);
    if (status === undefined) throw new Error(`training job "${jobName}" disappeared while stopping`);
    if (ENDED.has(status)) {
      ctx.log(`training job "${jobName}" is ${status}\n`);
      return status;
    }
    ctx.log(`status: ${status}; next check in ${pollMs / 1000} s\n`);
    await sleep(pollMs, ctx.signal);
  }
}
