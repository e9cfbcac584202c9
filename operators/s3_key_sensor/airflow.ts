import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import type { OperatorConfig } from '../../shared/operator';
import { sensorAirflowArgs } from '../sensor-fields';
import type { s3KeySensorOperator } from './definition';

/** s3_key_sensor → the Amazon provider's S3KeySensor (a prefix becomes a wildcard key). */
export const s3KeySensorAirflow: AirflowMapping<OperatorConfig<typeof s3KeySensorOperator>> = ({ config }) => {
  const prefix = present(config.prefix);
  const issues = [];
  if (prefix !== undefined && /[*?[\]]/.test(prefix)) {
    issues.push({ field: 'config.prefix', message: 'S3KeySensor matches a prefix as a wildcard pattern, and this prefix holds "*", "?" or "[": Airflow reads them as wildcards' });
  }
  return {
    operator: 'S3KeySensor',
    imports: ['S3KeySensor'],
    connections: config.connection ? [{ name: config.connection, type: 'aws' }] : [],
    args: [
      ['bucket_name', config.bucket],
      ['bucket_key', prefix !== undefined ? `${prefix}*` : config.key],
      ['wildcard_match', prefix !== undefined ? true : undefined],
      ['aws_conn_id', present(config.connection) ?? null],
      ...sensorAirflowArgs(config),
    ],
    issues,
    returnDiffers: 'dagstudio returns { bucket, keys, uris }, S3KeySensor returns nothing',
  };
};
