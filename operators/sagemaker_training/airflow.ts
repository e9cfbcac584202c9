import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import { buildCreateTrainingJobRequest, type SagemakerTrainingConfig } from './request';

/** Drops undefined members, so the request dict holds only what the local executor sends. */
function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(defined);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, defined(v)]));
  }
  return value;
}

/** sagemaker_training → SageMakerTrainingOperator with the very CreateTrainingJob request the local executor sends. */
export const sagemakerTrainingAirflow: AirflowMapping<SagemakerTrainingConfig> = ({ config }) => ({
  operator: 'SageMakerTrainingOperator',
  imports: ['SageMakerTrainingOperator'],
  connections: config.connection ? [{ name: config.connection, type: 'aws' }] : [],
  args: [
    ['config', defined(buildCreateTrainingJobRequest(config))],
    ['aws_conn_id', present(config.connection) ?? null],
    ['wait_for_completion', config.wait_for_completion],
    ['check_interval', config.poll_interval_s],
    // The local executor fails on a name that is taken; Airflow's default would rename the job instead.
    ['action_if_job_exists', 'fail'],
    ['print_log', false],
  ],
  returnDiffers: 'dagstudio returns { job_name, job_arn, status, model_artifacts }, SageMakerTrainingOperator returns {"Training": DescribeTrainingJob response}',
});
