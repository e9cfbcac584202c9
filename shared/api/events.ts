import { z } from 'zod';
import { runStateSchema, taskStateSchema } from './runs';

/** Events the runner emits and every transport carries unchanged (DESIGN.md §5). */

export const runStateEventSchema = z.object({
  type: z.literal('run-state'),
  run_id: z.string(),
  dag_id: z.string(),
  state: runStateSchema,
  at: z.string(),
});

export const taskStateEventSchema = z.object({
  type: z.literal('task-state'),
  run_id: z.string(),
  task_id: z.string(),
  state: taskStateSchema,
  try_number: z.number().int(),
  at: z.string(),
  exit_code: z.number().int().nullable().optional(),
  return_value: z.unknown().optional(),
  error: z.string().optional(),
});

/** A batch of log text of one task try (already masked). `offset` is the byte offset of `text` in the log file. */
export const logChunkEventSchema = z.object({
  type: z.literal('log'),
  run_id: z.string(),
  task_id: z.string(),
  try_number: z.number().int(),
  offset: z.number().int(),
  text: z.string(),
});

export const runEventSchema = z.discriminatedUnion('type', [runStateEventSchema, taskStateEventSchema, logChunkEventSchema]);
export type RunEvent = z.output<typeof runEventSchema>;
export type RunStateEvent = z.output<typeof runStateEventSchema>;
export type TaskStateEvent = z.output<typeof taskStateEventSchema>;
export type LogChunkEvent = z.output<typeof logChunkEventSchema>;
