import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  StopTrainingJobCommand,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { Executor, TaskOutcome, TaskRunContext } from '../execute-types';
import { CancelledError, sleep, throwIfCancelled } from '../aws/cancel';
import { describeSession, sagemakerSession, type AwsSession } from '../aws/clients';
import { awsErrorLine, withAwsErrors } from '../aws/errors';
import { readConfig } from '../aws/read-config';
import { sagemakerTrainingOperator } from './definition';
import { buildCreateTrainingJobRequest, describeRequest, expectedModelArtifacts } from './request';
import { INITIAL_WATCH, observeTrainingJob } from './watch';

/** How long the clean-up StopTrainingJob may take once the task's own signal has fired. */
const STOP_TIMEOUT_MS = 30_000;

export const executeSagemakerTraining: Executor = async (ctx) => {
  const config = readConfig(sagemakerTrainingOperator, ctx.config);
  const request = buildCreateTrainingJobRequest(config);
  const jobName = config.job_name;
  const sm = sagemakerSession(ctx, config.connection);
  try {
    ctx.log(`${describeSession(sm)}\n`);
    ctx.log(`${describeRequest(request)}\n`);
    throwIfCancelled(ctx.signal);
    // Not abortable: once the request is on its way the job may exist, and only a completed call says so.
    const created = await withAwsErrors(sm.call('CreateTrainingJob', { jobName }), () => sm.client.send(new CreateTrainingJobCommand(request)));
    ctx.log(`created training job ${created.TrainingJobArn ?? jobName}\n`);
    const base = { job_name: jobName, job_arn: created.TrainingJobArn ?? null };
    if (!config.wait_for_completion) {
      if (ctx.signal.aborted) return await stopAfterCancel(ctx, sm, jobName);
      ctx.log('not waiting for completion (wait_for_completion is off)\n');
      return { state: 'success', returnValue: { ...base, status: 'InProgress', model_artifacts: expectedModelArtifacts(config.output_s3_uri, jobName) } };
    }
    try {
      return await waitForJob(ctx, sm, jobName, config.poll_interval_s * 1000, base);
    } catch (error) {
      if (error instanceof CancelledError || ctx.signal.aborted) return await stopAfterCancel(ctx, sm, jobName);
      // Lost track of the job (the API keeps failing): stop it rather than leave a paid instance running unwatched.
      ctx.log(`${error instanceof Error ? error.message : String(error)}\n`);
      await stopJob(ctx, sm, jobName, 'the task can no longer watch it');
      throw error;
    }
  } finally {
    sm.client.destroy();
  }
};

async function waitForJob(
  ctx: TaskRunContext,
  sm: AwsSession<SageMakerClient>,
  jobName: string,
  pollMs: number,
  base: { job_name: string; job_arn: string | null },
): Promise<TaskOutcome> {
  ctx.log(`waiting for completion, checking every ${pollMs / 1000} s\n`);
  let watch = INITIAL_WATCH;
  for (;;) {
    throwIfCancelled(ctx.signal);
    const job = await withAwsErrors(sm.call('DescribeTrainingJob', { jobName }), () =>
      sm.client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }), { abortSignal: ctx.signal }),
    );
    const step = observeTrainingJob(watch, job);
    watch = step.state;
    for (const line of step.lines) ctx.log(`${line}\n`);
    const outcome = step.outcome;
    if (outcome?.kind === 'completed') {
      ctx.log(`${outcome.summary}\n`);
      return { state: 'success', returnValue: { ...base, status: 'Completed', model_artifacts: outcome.modelArtifacts ?? null } };
    }
    if (outcome) throw new Error(outcome.error);
    await sleep(pollMs, ctx.signal);
  }
}

/** The task was cancelled or timed out while its job may still run: stop the job, then end the task as cancelled. */
async function stopAfterCancel(ctx: TaskRunContext, sm: AwsSession<SageMakerClient>, jobName: string): Promise<never> {
  const stopped = await stopJob(ctx, sm, jobName, 'the task was cancelled');
  throw new CancelledError(stopped ? `cancelled; training job "${jobName}" is stopping` : `cancelled; training job "${jobName}" could not be stopped`);
}

/** StopTrainingJob with its own deadline (the task's signal has usually fired already). True when the job is stopping or had ended. */
async function stopJob(ctx: TaskRunContext, sm: AwsSession<SageMakerClient>, jobName: string, why: string): Promise<boolean> {
  ctx.log(`stopping training job "${jobName}" because ${why}\n`);
  const context = sm.call('StopTrainingJob', { jobName });
  try {
    await sm.client.send(new StopTrainingJobCommand({ TrainingJobName: jobName }), { abortSignal: AbortSignal.timeout(STOP_TIMEOUT_MS) });
    ctx.log(`StopTrainingJob accepted: "${jobName}" is stopping\n`);
    return true;
  } catch (error) {
    const name = (error as { name?: unknown }).name;
    const message = String((error as { message?: unknown }).message ?? '');
    if (name === 'ValidationException' && /status (Completed|Failed|Stopped|Stopping)/i.test(message)) {
      ctx.log(`training job "${jobName}" had already ended: ${message}\n`);
      return true;
    }
    ctx.log(`could not stop training job "${jobName}": ${awsErrorLine(error, context)}; stop it in the SageMaker console\n`);
    return false;
  }
}
