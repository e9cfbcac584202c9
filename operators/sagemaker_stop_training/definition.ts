import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import { awsConnectionField, trainingJobNameProblems } from '../aws/fields';

export const sagemakerStopTrainingOperator = defineOperator({
  id: 'sagemaker_stop_training',
  label: 'Stop SageMaker training',
  category: 'AWS',
  description: 'Stops a SageMaker training job by name, so no paid instance is left running. A job that already ended is not an error.',
  icon: 'octagon-x',
  returns: '{ job_name, status }: the job’s status when the task ended (Stopping, Stopped, Completed or Failed).',
  config: z.strictObject({
    connection: awsConnectionField(),
    job_name: field(z.string().trim().min(1, 'required'), {
      title: 'Job name',
      description: 'The training job to stop. Templated, e.g. {{ ti.xcom_pull(task_ids="train")["job_name"] }}.',
      widget: 'text',
      templated: true,
    }),
    wait_until_stopped: field(z.boolean().default(false), {
      title: 'Wait until stopped',
      description: 'Poll until the job has actually stopped (SageMaker takes a moment to upload what was trained). Off: end once the stop is requested.',
      widget: 'boolean',
    }),
    ignore_missing: field(z.boolean().default(false), {
      title: 'Succeed if the job does not exist',
      description: 'For clean-up tasks that run even when the job was never created.',
      widget: 'boolean',
      advanced: true,
    }),
    poll_interval_s: field(z.number().min(0.1, 'must be at least 0.1').max(3600, 'must be at most 3600').default(10), {
      title: 'Poll interval (s)',
      description: 'Seconds between two checks while waiting until stopped.',
      widget: 'number',
      advanced: true,
    }),
  }),
  validate(config) {
    return trainingJobNameProblems(config.job_name);
  },
});
