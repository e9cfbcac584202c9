import type { PythonHelper } from '../../shared/airflow/helpers';
import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import type { OperatorConfig } from '../../shared/operator';
import type { sagemakerStopTrainingOperator } from './definition';

const STOP: PythonHelper = {
  id: 'sagemaker_stop',
  modules: ['time'],
  airflow: ['AirflowException', 'BaseOperator', 'SageMakerHook'],
  requires: [],
  code: String.raw`class DagstudioSageMakerStopTrainingOperator(BaseOperator):
    """Stops a SageMaker training job through the Amazon provider's SageMakerHook, as dagstudio's
    sagemaker_stop_training does; returns {job_name, status}."""

    template_fields = ('job_name',)
    ENDED = ('Completed', 'Failed', 'Stopped')

    def __init__(self, *, job_name, aws_conn_id=None, wait_until_stopped=False, ignore_missing=False, poll_interval=10, **kwargs):
        super().__init__(**kwargs)
        self.job_name, self.aws_conn_id = job_name, aws_conn_id
        self.wait_until_stopped, self.ignore_missing, self.poll_interval = wait_until_stopped, ignore_missing, poll_interval

    def _status(self, client):
        from botocore.exceptions import ClientError

        try:
            return client.describe_training_job(TrainingJobName=self.job_name)['TrainingJobStatus']
        except ClientError as error:
            if error.response.get('Error', {}).get('Code') == 'ValidationException':
                return None
            raise

    def execute(self, context):
        client = SageMakerHook(aws_conn_id=self.aws_conn_id).get_conn()
        status = self._status(client)
        if status is None:
            if not self.ignore_missing:
                raise AirflowException(f'training job "{self.job_name}" does not exist')
            return {'job_name': self.job_name, 'status': None}
        if status in self.ENDED:
            return {'job_name': self.job_name, 'status': status}
        if status != 'Stopping':
            client.stop_training_job(TrainingJobName=self.job_name)
            status = 'Stopping'
        while self.wait_until_stopped and status not in self.ENDED:
            time.sleep(self.poll_interval)
            status = self._status(client)
            if status is None:
                raise AirflowException(f'training job "{self.job_name}" disappeared while stopping')
        return {'job_name': self.job_name, 'status': status}`,
};

/** sagemaker_stop_training → an operator on the Amazon provider's SageMakerHook (Airflow has no stop operator). */
export const sagemakerStopTrainingAirflow: AirflowMapping<OperatorConfig<typeof sagemakerStopTrainingOperator>> = ({ config }) => ({
  operator: 'DagstudioSageMakerStopTrainingOperator',
  helpers: [STOP],
  connections: config.connection ? [{ name: config.connection, type: 'aws' }] : [],
  args: [
    ['job_name', config.job_name],
    ['aws_conn_id', present(config.connection) ?? null],
    ['wait_until_stopped', config.wait_until_stopped ? true : undefined],
    ['ignore_missing', config.ignore_missing ? true : undefined],
    ['poll_interval', config.poll_interval_s === 10 ? undefined : config.poll_interval_s],
  ],
});
