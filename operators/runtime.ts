import type { Executor } from './execute-types';
import { executeBash } from './bash/execute';
import { executeDockerBuild } from './docker_build/execute';
import { executeEmpty } from './empty/execute';
import { executeFileSensor } from './file_sensor/execute';
import { executeHttpRequest } from './http_request/execute';
import { executeHttpSensor } from './http_sensor/execute';
import { executeKubectlApply } from './kubectl_apply/execute';
import { executeNotify } from './notify/execute';
import { executePython } from './python/execute';
import { executeS3Download } from './s3_download/execute';
import { executeS3KeySensor } from './s3_key_sensor/execute';
import { executeS3Upload } from './s3_upload/execute';
import { executeSagemakerStopTraining } from './sagemaker_stop_training/execute';
import { executeSagemakerTraining } from './sagemaker_training/execute';

/** Executors by operator id (Node only: imported by the runner, never by the renderer or shared/). */
export const EXECUTORS: Readonly<Record<string, Executor>> = {
  bash: executeBash,
  python: executePython,
  empty: executeEmpty,
  http_request: executeHttpRequest,
  s3_upload: executeS3Upload,
  s3_download: executeS3Download,
  sagemaker_training: executeSagemakerTraining,
  sagemaker_stop_training: executeSagemakerStopTraining,
  docker_build: executeDockerBuild,
  kubectl_apply: executeKubectlApply,
  file_sensor: executeFileSensor,
  http_sensor: executeHttpSensor,
  s3_key_sensor: executeS3KeySensor,
  notify: executeNotify,
};

export function getExecutor(operatorId: string): Executor | undefined {
  return EXECUTORS[operatorId];
}
