import type { DescribeTrainingJobCommandOutput } from '@aws-sdk/client-sagemaker';

type Watched = 'TrainingJobName' | 'TrainingJobStatus' | 'SecondaryStatus' | 'SecondaryStatusTransitions' | 'FailureReason' | 'ModelArtifacts' | 'TrainingTimeInSeconds' | 'BillableTimeInSeconds';
type TrainingJob = Partial<Pick<DescribeTrainingJobCommandOutput, Watched>>;

/** What the log has already told about a job, so each poll logs only what changed. */
export interface WatchState {
  status?: string;
  secondary?: string;
  transitionsLogged: number;
}

export type WatchOutcome =
  | { kind: 'completed'; modelArtifacts: string | undefined; summary: string }
  | { kind: 'failed'; error: string }
  | { kind: 'stopped'; error: string };

export interface WatchStep {
  state: WatchState;
  lines: string[];
  outcome?: WatchOutcome;
}

export const INITIAL_WATCH: WatchState = { transitionsLogged: 0 };

/**
 * One DescribeTrainingJob reply, seen after `previous`: the new status and secondary-status transitions as log
 * lines, and the outcome once the job has ended (Completed succeeds; Failed and Stopped fail the task).
 */
export function observeTrainingJob(previous: WatchState, job: TrainingJob): WatchStep {
  const lines: string[] = [];
  const name = job.TrainingJobName ?? '?';
  const transitions = job.SecondaryStatusTransitions ?? [];
  for (const transition of transitions.slice(previous.transitionsLogged)) {
    lines.push(`  ${transition.Status}${transition.StatusMessage ? `: ${transition.StatusMessage}` : ''}`);
  }
  const status = job.TrainingJobStatus;
  const secondary = job.SecondaryStatus;
  const secondaryUnlogged = secondary !== previous.secondary && !transitions.slice(previous.transitionsLogged).some((t) => t.Status === secondary);
  if (status !== previous.status || secondaryUnlogged) {
    lines.push(`status: ${status ?? 'unknown'}${secondary ? ` (${secondary})` : ''}`);
  }
  const state: WatchState = { status, secondary, transitionsLogged: Math.max(previous.transitionsLogged, transitions.length) };

  if (status === 'Completed') {
    const model = job.ModelArtifacts?.S3ModelArtifacts;
    return { state, lines, outcome: { kind: 'completed', modelArtifacts: model, summary: completionSummary(name, job, model) } };
  }
  if (status === 'Failed') {
    return { state, lines, outcome: { kind: 'failed', error: `training job "${name}" failed: ${job.FailureReason ?? 'no reason given'}` } };
  }
  if (status === 'Stopped') {
    const why = secondary && secondary !== 'Stopped' ? ` (${secondary})` : '';
    return { state, lines, outcome: { kind: 'stopped', error: `training job "${name}" was stopped${why} before it completed` } };
  }
  return { state, lines };
}

function completionSummary(name: string, job: TrainingJob, model: string | undefined): string {
  const training = job.TrainingTimeInSeconds;
  const billable = job.BillableTimeInSeconds;
  let time = '';
  if (training !== undefined) {
    time = ` after ${training} s of training`;
    if (billable !== undefined && billable < training && training > 0) {
      time += ` (billable ${billable} s: spot saved ${Math.round((1 - billable / training) * 100)}%)`;
    }
  }
  return `training job "${name}" completed${time}; model: ${model ?? 'no model artifacts reported'}`;
}
