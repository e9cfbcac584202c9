import { z } from 'zod';
import { idSchema, pipelineSchema } from '../pipeline/schema';
import type { Problem } from '../problems';

/** Requests about pipeline files: new, open, save, recent files, import/export, examples. */

export const problemSchema = z.object({ path: z.string(), message: z.string() }) satisfies z.ZodType<Problem>;

/** An absolute path on the host (a leading `~/` means the user's home). The host refuses paths outside its allowed folders. */
export const hostPathSchema = z.string().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters');

const empty = z.object({});

/** A loaded file: the pipeline when it parsed (possibly with validation problems), else null and the problems. */
export const loadedPipelineSchema = z.object({
  pipeline: pipelineSchema.nullable(),
  problems: z.array(problemSchema),
});

const cancelledSchema = z.object({ cancelled: z.literal(true) });

export const pipelineRequests = {
  /** A fresh, empty pipeline. */
  'pipelines.new': {
    request: z.object({ id: idSchema.optional() }),
    reply: z.object({ pipeline: pipelineSchema }),
  },
  /** Opens a file; without `path` the desktop app shows an open dialog (the browser passes a path). */
  'pipelines.open': {
    request: z.object({ path: hostPathSchema.optional() }),
    reply: z.union([cancelledSchema, loadedPipelineSchema.extend({ path: z.string(), read_only: z.boolean() })]),
  },
  /** Writes the pipeline (the file format's serialization) to its current file. */
  'pipelines.save': {
    request: z.object({ path: hostPathSchema, pipeline: pipelineSchema }),
    reply: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** Writes to a new file: without `path` the desktop app asks with a save dialog; an existing file needs `overwrite`. */
  'pipelines.saveAs': {
    request: z.object({ pipeline: pipelineSchema, path: hostPathSchema.optional(), overwrite: z.boolean().optional() }),
    reply: z.union([cancelledSchema, z.object({ path: z.string(), bytes: z.number().int() })]),
  },
  /** Recently opened or saved files, newest first. */
  'pipelines.recent': {
    request: empty,
    reply: z.object({
      files: z.array(z.object({ path: z.string(), name: z.string(), opened_at: z.string(), exists: z.boolean() })),
    }),
  },
  /** Parses pasted or uploaded text as a pipeline file; problems (with paths) when it is not one. */
  'pipelines.importJson': {
    request: z.object({ text: z.string(), file_name: z.string().max(1024).default('imported.dag.json') }),
    reply: loadedPipelineSchema,
  },
  /** Problems of a pipeline against the format and its operators' schemas (empty when valid). */
  'pipelines.validate': {
    request: z.object({ pipeline: pipelineSchema }),
    reply: z.object({ problems: z.array(problemSchema) }),
  },
  /** The file text Save writes; also written to `path` when one is given. */
  'pipelines.exportJson': {
    request: z.object({ pipeline: pipelineSchema, path: hostPathSchema.optional() }),
    reply: z.object({ text: z.string(), file_name: z.string(), path: z.string().nullable() }),
  },
  /**
   * An Apache Airflow DAG file (Python); also written to `path` when one is given. `issues` lists what could not be
   * carried over exactly; a pipeline that cannot be exported at all gives its problems instead.
   */
  'pipelines.exportAirflow': {
    request: z.object({ pipeline: pipelineSchema, path: hostPathSchema.optional() }),
    reply: z.union([
      z.object({
        text: z.string(),
        file_name: z.string(),
        path: z.string().nullable(),
        issues: z.array(z.object({ task_id: z.string().nullable(), field: z.string(), message: z.string() })),
      }),
      z.object({ problems: z.array(problemSchema).min(1) }),
    ]),
  },
  /** The example pipelines shipped with the app. */
  'examples.list': {
    request: empty,
    reply: z.object({
      examples: z.array(
        z.object({ name: z.string(), title: z.string(), description: z.string(), tasks: z.number().int(), path: z.string() }),
      ),
    }),
  },
  /**
   * Loads an example by its name (from examples.list). Its `path` is where it lives (runs use its folder, where its
   * scripts are), but the examples folder is read-only: Save goes through Save As.
   */
  'examples.open': {
    request: z.object({ name: z.string().min(1).max(255) }),
    reply: loadedPipelineSchema.extend({ path: z.string(), read_only: z.literal(true) }),
  },
} as const;
