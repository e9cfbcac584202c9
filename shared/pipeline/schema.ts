import { z } from 'zod';

/** The one schema of the pipeline file, format v1 (DESIGN.md §2). Types are inferred from it. */

export const PIPELINE_FORMAT = 'dagstudio/pipeline';
export const PIPELINE_VERSION = 1;

/* Airflow's KEY_REGEX for dag and task ids; no slash, so an id can never become a path. */
export const ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const ID_MAX_LENGTH = 250;

export const TRIGGER_RULES = [
  'all_success',
  'all_failed',
  'all_done',
  'all_skipped',
  'one_success',
  'one_failed',
  'one_done',
  'none_failed',
  'none_failed_min_one_success',
  'none_skipped',
  'always',
] as const;
export type TriggerRule = (typeof TRIGGER_RULES)[number];

export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`)
  .regex(ID_PATTERN, 'may contain only letters, digits, "_", "-" and "."');

export const triggerRuleSchema = z.enum(TRIGGER_RULES);

export const retriesSchema = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100, 'must be at most 100');
export const retryDelaySchema = z.number().min(0, 'must be 0 or more').max(86_400, 'must be at most 86400 (one day)');
export const timeoutSchema = z.number().gt(0, 'must be more than 0').max(604_800, 'must be at most 604800 (one week)');

export const taskDefaultsSchema = z.strictObject({
  retries: retriesSchema.optional(),
  retry_delay_s: retryDelaySchema.optional(),
  timeout_s: timeoutSchema.optional(),
  trigger_rule: triggerRuleSchema.optional(),
});

export const groupSchema = z.strictObject({
  id: idSchema,
  label: z.string().optional(),
  parent: idSchema.optional(),
});

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

export const taskSchema = z.strictObject({
  id: idSchema,
  operator: z.string().min(1, 'must not be empty'),
  config: z.record(z.string(), z.unknown()),
  group: idSchema.optional(),
  retries: retriesSchema.optional(),
  retry_delay_s: retryDelaySchema.optional(),
  timeout_s: timeoutSchema.optional(),
  trigger_rule: triggerRuleSchema.optional(),
  position: positionSchema,
  note: z.string().optional(),
});

export const edgeSchema = z.strictObject({ from: idSchema, to: idSchema });

export const pipelineSchema = z.strictObject({
  format: z.literal(PIPELINE_FORMAT),
  version: z.literal(PIPELINE_VERSION),
  id: idSchema,
  title: z.string().optional(),
  description: z.string().optional(),
  schedule: z.string().nullable().default(null),
  params: z.record(z.string(), z.unknown()).default({}),
  defaults: taskDefaultsSchema.optional(),
  groups: z.array(groupSchema).default([]),
  tasks: z.array(taskSchema),
  edges: z.array(edgeSchema).default([]),
});

export type Pipeline = z.output<typeof pipelineSchema>;
export type PipelineInput = z.input<typeof pipelineSchema>;
export type Task = z.output<typeof taskSchema>;
export type Edge = z.output<typeof edgeSchema>;
export type Group = z.output<typeof groupSchema>;
export type TaskDefaults = z.output<typeof taskDefaultsSchema>;
