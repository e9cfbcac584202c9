import type { Task } from '../pipeline/schema';
import type { PythonHelper } from './helpers';
import type { AirflowName } from './imports';

/**
 * The contract between the exporter and each operator's Airflow mapping (operators/<name>/airflow.ts):
 * a mapping turns one task's config into the operator class and the keyword arguments of its
 * constructor, and says plainly what it could not carry over exactly.
 */

/** One thing that cannot be exported exactly: shown to the user before the file is written. */
export interface ExportIssue {
  task_id: string | null;
  field: string;
  message: string;
}

export interface MappedTask {
  /** The operator class: a name of AIRFLOW_IMPORTS, or a class written by a helper (e.g. DagstudioBashOperator). */
  operator: string;
  /** Operator-specific keyword arguments, in order; `undefined` values are left out. Values go through pyValue. */
  args: ReadonlyArray<readonly [string, unknown]>;
  /** Airflow names to import. */
  imports?: readonly AirflowName[];
  /** Python written once into the file that the task needs (shared/airflow/helpers.ts, or the mapping's own). */
  helpers?: readonly PythonHelper[];
  /**
   * Set when the Airflow task's XCom return value differs from the local one (what differs); reported
   * only when another task pulls it.
   */
  returnDiffers?: string;
  /** Airflow connections the task uses, by conn_id, with their type (listed in the file's header). */
  connections?: ReadonlyArray<{ name: string; type: string }>;
  /** Fields that cannot be exported exactly, relative to the task (e.g. "config.channels.desktop"). */
  issues?: ReadonlyArray<{ field: string; message: string }>;
}

export interface MappingInput<C> {
  task: Task;
  /** The task's config, parsed by the operator's schema (defaults filled in). */
  config: C;
}

export type AirflowMapping<C = Record<string, unknown>> = (input: MappingInput<C>) => MappedTask;

/** Drops empty optional values so the generated call stays short. */
export function present<T>(value: T | undefined | null | ''): T | undefined {
  if (value === null || value === '') return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) return undefined;
  return value as T | undefined;
}

/** One line of the export report: `FILE: tasks.train.config.spot: message` (or `FILE: groups.g: …` for the DAG). */
export function formatExportIssue(file: string, issue: ExportIssue): string {
  const where = issue.task_id === null ? issue.field : `tasks.${issue.task_id}${issue.field ? '.' + issue.field : ''}`;
  return `${file}: ${where}: ${issue.message}`;
}
