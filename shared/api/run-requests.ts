import { z } from 'zod';
import { idSchema, pipelineSchema } from '../pipeline/schema';
import { problemSchema, hostPathSchema } from './pipeline-requests';
import { runRecordSchema, runSummarySchema } from './runs';

/** Requests about runs: start, cancel, retry/clear a task, history, logs, live event subscriptions. */

const runIdSchema = z.string().min(1).max(300);

/** Which runs' events a client receives: one run, or every run (`all`). */
export const subscriptionSchema = z.union([z.strictObject({ run_id: runIdSchema }), z.strictObject({ all: z.literal(true) })]);

export const runRequests = {
  /**
   * Starts a run of `pipeline` (what the editor holds) or of the file at `path`; with both, `path` is where the
   * pipeline lives (its folder is the tasks' working directory). `tasks` limits the run to those task ids (edges
   * from other tasks are ignored; their return values come from `reuse_run_id` when given).
   * The caller is subscribed to the new run's events. An invalid pipeline is not started: its problems come back.
   */
  'runs.start': {
    request: z
      .object({
        pipeline: pipelineSchema.optional(),
        path: hostPathSchema.optional(),
        params: z.record(z.string(), z.unknown()).optional(),
        vars: z.record(z.string(), z.string()).optional(),
        parallelism: z.number().int().min(1).max(1024).optional(),
        tasks: z.array(idSchema).min(1).optional(),
        /** With `tasks` ("run from here", "run only this task"): the other tasks' return values come from this run. */
        reuse_run_id: runIdSchema.optional(),
      })
      .refine((r) => r.pipeline !== undefined || r.path !== undefined, { message: 'needs a pipeline or a path', path: ['pipeline'] }),
    reply: z.union([z.object({ run_id: z.string() }), z.object({ problems: z.array(problemSchema).min(1) })]),
  },
  /** Cancels a run: every running task's process tree ends, nothing stays queued, the run ends `cancelled`. */
  'runs.cancel': {
    request: z.object({ run_id: runIdSchema }),
    reply: z.object({ run_id: z.string(), cancelled: z.boolean() }),
  },
  /** Runs a failed task of a finished run again (a new try), then whatever it unblocks. */
  'runs.retryTask': {
    request: z.object({ run_id: runIdSchema, task_id: idSchema }),
    reply: z.object({ run_id: z.string() }),
  },
  /** Airflow's "clear": resets the task (and, unless `downstream` is false, everything downstream) and runs them again. */
  'runs.clearTask': {
    request: z.object({ run_id: runIdSchema, task_id: idSchema, downstream: z.boolean().default(true) }),
    reply: z.object({ run_id: z.string() }),
  },
  /** Run history, newest first; `dag_id` limits it to one pipeline, `active` to queued and running runs. */
  'runs.list': {
    request: z.object({
      dag_id: idSchema.optional(),
      active: z.boolean().optional(),
      limit: z.number().int().min(1).max(10_000).optional(),
    }),
    reply: z.object({ runs: z.array(runSummarySchema) }),
  },
  'runs.get': {
    request: z.object({ run_id: runIdSchema }),
    reply: z.object({ run: runRecordSchema }),
  },
  /**
   * Reads a task try's log by byte range [start, end) (default: 1 MiB from `start`, which defaults to 0; at most 4 MiB a call).
   * `end` in the reply is where the text really stops (never inside a UTF-8 character); `size` is the file's size now.
   */
  'runs.readLog': {
    request: z.object({
      run_id: runIdSchema,
      task_id: idSchema,
      try_number: z.number().int().min(1),
      start: z.number().int().min(0).default(0),
      end: z.number().int().min(0).optional(),
    }),
    reply: z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), size: z.number().int() }),
  },
  /** Copies a task try's whole log file (already masked) to `path` (a .log or .txt file in an allowed folder). */
  'runs.saveLog': {
    request: z.object({ run_id: runIdSchema, task_id: idSchema, try_number: z.number().int().min(1), path: hostPathSchema }),
    reply: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Sends this client the events of one run, or of every run, from now on (log chunks batched per run). */
  'runs.subscribe': {
    request: subscriptionSchema,
    reply: z.object({ subscribed: z.literal(true) }),
  },
  'runs.unsubscribe': {
    request: subscriptionSchema,
    reply: z.object({ subscribed: z.literal(false) }),
  },
} as const;
