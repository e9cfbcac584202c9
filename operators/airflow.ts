import { exportAirflow, type AirflowExportResult } from '../shared/airflow/export';
import type { AirflowMapping } from '../shared/airflow/mapping';
import type { Pipeline } from '../shared/pipeline/schema';
import { bashAirflow } from './bash/airflow';
import { dockerBuildAirflow } from './docker_build/airflow';
import { emptyAirflow } from './empty/airflow';
import { fileSensorAirflow } from './file_sensor/airflow';
import { httpRequestAirflow } from './http_request/airflow';
import { httpSensorAirflow } from './http_sensor/airflow';
import { getOperator } from './index';
import { kubectlApplyAirflow } from './kubectl_apply/airflow';
import { notifyAirflow } from './notify/airflow';
import { pythonAirflow } from './python/airflow';
import { s3DownloadAirflow } from './s3_download/airflow';
import { s3KeySensorAirflow } from './s3_key_sensor/airflow';
import { s3UploadAirflow } from './s3_upload/airflow';
import { sagemakerStopTrainingAirflow } from './sagemaker_stop_training/airflow';
import { sagemakerTrainingAirflow } from './sagemaker_training/airflow';

const asMapping = (m: unknown) => m as AirflowMapping;

/** Each operator's Airflow mapping (operators/<name>/airflow.ts), by operator id. Pure. */
export const AIRFLOW_MAPPINGS: Readonly<Record<string, AirflowMapping>> = {
  bash: asMapping(bashAirflow),
  python: asMapping(pythonAirflow),
  empty: asMapping(emptyAirflow),
  http_request: asMapping(httpRequestAirflow),
  s3_upload: asMapping(s3UploadAirflow),
  s3_download: asMapping(s3DownloadAirflow),
  sagemaker_training: asMapping(sagemakerTrainingAirflow),
  sagemaker_stop_training: asMapping(sagemakerStopTrainingAirflow),
  docker_build: asMapping(dockerBuildAirflow),
  kubectl_apply: asMapping(kubectlApplyAirflow),
  file_sensor: asMapping(fileSensorAirflow),
  http_sensor: asMapping(httpSensorAirflow),
  s3_key_sensor: asMapping(s3KeySensorAirflow),
  notify: asMapping(notifyAirflow),
};

export function getAirflowMapping(operatorId: string): AirflowMapping | undefined {
  return AIRFLOW_MAPPINGS[operatorId];
}

/** Exports a pipeline with every registered operator; `source` is the pipeline file's text (embedded as is). */
export function exportPipelineToAirflow(pipeline: Pipeline, source: string): AirflowExportResult {
  return exportAirflow(pipeline, { source, operator: getOperator, mapping: getAirflowMapping });
}
