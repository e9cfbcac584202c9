import { z } from 'zod';

/** Run and task-instance states and records (DESIGN.md §3), shared by the runner, the store, the host and the UI. */

export const TASK_STATES = [
  'none',
  'scheduled',
  'queued',
  'running',
  'success',
  'failed',
  'up_for_retry',
  'upstream_failed',
  'skipped',
] as const;
export const taskStateSchema = z.enum(TASK_STATES);
export type TaskState = (typeof TASK_STATES)[number];

export const RUN_STATES = ['queued', 'running', 'success', 'failed', 'cancelled'] as const;
export const runStateSchema = z.enum(RUN_STATES);
export type RunState = (typeof RUN_STATES)[number];

export const FINISHED_TASK_STATES: ReadonlySet<TaskState> = new Set(['success', 'failed', 'upstream_failed', 'skipped']);

export const taskTrySchema = z.object({
  try_number: z.number().int().min(1),
  state: taskStateSchema,
  start: z.string().nullable(),
  end: z.string().nullable(),
  exit_code: z.number().int().nullable(),
  /** Log file of this try, relative to the data dir. */
  log: z.string(),
  error: z.string().optional(),
});
export type TaskTry = z.output<typeof taskTrySchema>;

export const taskInstanceSchema = z.object({
  task_id: z.string(),
  state: taskStateSchema,
  try_number: z.number().int().min(0),
  start: z.string().nullable(),
  end: z.string().nullable(),
  exit_code: z.number().int().nullable(),
  return_value: z.unknown().optional(),
  /** The rendered templated config of the last try, with secrets masked. */
  rendered: z.record(z.string(), z.unknown()).optional(),
  error: z.string().optional(),
  tries: z.array(taskTrySchema),
});
export type TaskInstance = z.output<typeof taskInstanceSchema>;

export const runRecordSchema = z.object({
  run_id: z.string(),
  dag_id: z.string(),
  /** Absolute path of the pipeline file, when the run came from a saved file. */
  pipeline_path: z.string().nullable(),
  state: runStateSchema,
  params: z.record(z.string(), z.unknown()),
  logical_date: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  /** Process group ids of running tasks, so a crashed run's orphans can be killed on the next start. */
  pgids: z.array(z.number().int()).default([]),
  tasks: z.record(z.string(), taskInstanceSchema),
});
export type RunRecord = z.output<typeof runRecordSchema>;

/** What lists show without loading every task instance. */
export const runSummarySchema = runRecordSchema.pick({
  run_id: true,
  dag_id: true,
  pipeline_path: true,
  state: true,
  params: true,
  logical_date: true,
  start: true,
  end: true,
});
export type RunSummary = z.output<typeof runSummarySchema>;
