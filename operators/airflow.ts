import { exportAirflow, type AirflowExportResult } from '../shared/airflow/export';
import type { AirflowMapping } from '../shared/airflow/mapping';
import type { Pipeline } from '../shared/pipeline/schema';
import { bashAirflow } from './bash/airflow';
import { emptyAirflow } from './empty/airflow';
import { getOperator } from './index';
import { pythonAirflow } from './python/airflow';

const asMapping = (m: unknown) => m as AirflowMapping;

/** Each operator's Airflow mapping (operators/<name>/airflow.ts), by operator id. Pure. */
export const AIRFLOW_MAPPINGS: Readonly<Record<string, AirflowMapping>> = {
  bash: asMapping(bashAirflow),
  python: asMapping(pythonAirflow),
  empty: asMapping(emptyAirflow),
};

export function getAirflowMapping(operatorId: string): AirflowMapping | undefined {
  return AIRFLOW_MAPPINGS[operatorId];
}

/** Exports a pipeline with every registered operator; `source` is the pipeline file's text (embedded as is). */
export function exportPipelineToAirflow(pipeline: Pipeline, source: string): AirflowExportResult {
  return exportAirflow(pipeline, { source, operator: getOperator, mapping: getAirflowMapping });
}
