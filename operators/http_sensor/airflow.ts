import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import type { OperatorConfig } from '../../shared/operator';
import { httpTarget, responseCheck } from '../http_request/airflow';
import { sensorAirflowArgs } from '../sensor-fields';
import type { httpSensorOperator } from './definition';

/** http_sensor → the HTTP provider's HttpSensor, ready under the same rule (status, and text in the body). */
export const httpSensorAirflow: AirflowMapping<OperatorConfig<typeof httpSensorOperator>> = ({ task, config }) => {
  const target = httpTarget(task.id, config.url, config.connection);
  return {
    operator: 'HttpSensor',
    imports: ['HttpSensor'],
    connections: [{ name: target.connId, type: 'http' }],
    args: [
      ['http_conn_id', target.connId],
      ['endpoint', target.endpoint],
      ['method', config.method],
      ['headers', present(config.headers)],
      ['response_check', responseCheck(config.expect_status, config.response_contains)],
      ['extra_options', { check_response: false, timeout: config.request_timeout_s }],
      ...sensorAirflowArgs(config),
    ],
    issues: target.issue ? [target.issue] : [],
    returnDiffers: 'dagstudio returns the response body, HttpSensor returns nothing',
  };
};
