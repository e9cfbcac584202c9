import type { OperatorDefinition } from '../shared/operator';
import { bashOperator } from './bash/definition';
import { dockerBuildOperator } from './docker_build/definition';
import { emptyOperator } from './empty/definition';
import { fileSensorOperator } from './file_sensor/definition';
import { httpRequestOperator } from './http_request/definition';
import { httpSensorOperator } from './http_sensor/definition';
import { kubectlApplyOperator } from './kubectl_apply/definition';
import { notifyOperator } from './notify/definition';
import { pythonOperator } from './python/definition';
import { s3DownloadOperator } from './s3_download/definition';
import { s3KeySensorOperator } from './s3_key_sensor/definition';
import { s3UploadOperator } from './s3_upload/definition';
import { sagemakerStopTrainingOperator } from './sagemaker_stop_training/definition';
import { sagemakerTrainingOperator } from './sagemaker_training/definition';

const asDefinition = (d: unknown) => d as OperatorDefinition;

/** Every operator definition, in palette order. Pure: imported by the renderer, the runner and the exporter. */
export const OPERATORS: readonly OperatorDefinition[] = [
  bashOperator,
  pythonOperator,
  emptyOperator,
  httpRequestOperator,
  s3UploadOperator,
  s3DownloadOperator,
  sagemakerTrainingOperator,
  sagemakerStopTrainingOperator,
  dockerBuildOperator,
  kubectlApplyOperator,
  fileSensorOperator,
  httpSensorOperator,
  s3KeySensorOperator,
  notifyOperator,
].map(asDefinition);

const byId = new Map(OPERATORS.map((op) => [op.id, op]));

export function getOperator(id: string): OperatorDefinition | undefined {
  return byId.get(id);
}

export function operatorIds(): string[] {
  return OPERATORS.map((op) => op.id);
}
