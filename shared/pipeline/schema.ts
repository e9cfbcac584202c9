import { z } from 'zod';

/**
 * The one schema of the pipeline file, format v1 (DESIGN.md §2). Types are inferred from it, the
 * committed JSON Schema is generated from it, and `serialize` writes keys in the order declared here.
 */

export const PIPELINE_FORMAT = 'dagstudio/pipeline';
export const PIPELINE_VERSION = 1;

/* Airflow's KEY_REGEX for dag and task ids, ASCII only; no slash, so an id can never become a path. */
export const ID_PATTERN = /^[A-Za-z0-9_.-]+$/;
export const ID_MAX_LENGTH = 250;
/* Airflow's GROUP_KEY_REGEX: a task group id may not contain "." because Airflow joins group and task ids with it. */
export const GROUP_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

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

/** Airflow's schedule presets; anything else must look like a cron expression (5 or 6 fields). */
export const SCHEDULE_PRESETS = ['@once', '@continuous', '@hourly', '@daily', '@weekly', '@monthly', '@quarterly', '@yearly', '@annually'] as const;
const SCHEDULE_PATTERN = new RegExp(`^(?:${SCHEDULE_PRESETS.join('|')}|\\S+(?:[ \\t]+\\S+){4,5})$`);

function idCharactersMessage(input: unknown, allowed: string): string {
  if (typeof input === 'string' && /[/\\]/.test(input)) return 'must not contain "/" or "\\" (ids become file and folder names)';
  return `may contain only ${allowed}`;
}

export const idSchema = z
  .string()
  .min(1, { error: 'must not be empty', abort: true })
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`)
  .regex(ID_PATTERN, { error: (issue) => idCharactersMessage(issue.input, 'letters, digits, "_", "-" and "."') })
  .refine((id) => id !== '.' && id !== '..', 'must not be "." or ".." (ids become file and folder names)');

export const groupIdSchema = z
  .string()
  .min(1, { error: 'must not be empty', abort: true })
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`)
  .regex(GROUP_ID_PATTERN, { error: (issue) => idCharactersMessage(issue.input, 'letters, digits, "_" and "-" (Airflow joins group and task ids with ".")') });

export const triggerRuleSchema = z.enum(TRIGGER_RULES);

export const retriesSchema = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100, 'must be at most 100');
export const retryDelaySchema = z.number().min(0, 'must be 0 or more').max(86_400, 'must be at most 86400 (one day)');
export const timeoutSchema = z.number().gt(0, 'must be more than 0').max(604_800, 'must be at most 604800 (one week)');

export const scheduleSchema = z
  .string()
  .regex(SCHEDULE_PATTERN, `must be a cron expression like "0 6 * * *" or one of: ${SCHEDULE_PRESETS.join(', ')}`)
  .nullable();

export const taskDefaultsSchema = z
  .strictObject({
    retries: retriesSchema.optional(),
    retry_delay_s: retryDelaySchema.optional(),
    timeout_s: timeoutSchema.optional(),
    trigger_rule: triggerRuleSchema.optional(),
  })
  .meta({ description: 'Defaults for every task; a task’s own value wins.' });

export const groupSchema = z.strictObject({
  id: groupIdSchema,
  label: z.string().optional(),
  parent: groupIdSchema.optional().meta({ description: 'The id of the enclosing group (groups nest).' }),
});

export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });

export const taskSchema = z.strictObject({
  id: idSchema.meta({ description: 'Unique in the file (Airflow’s task_id).' }),
  operator: z.string().min(1, 'must not be empty').meta({ description: 'The operator id, e.g. "bash".' }),
  config: z.record(z.string(), z.unknown()).meta({ description: 'The operator’s settings, checked against its own schema.' }),
  group: groupIdSchema.optional().meta({ description: 'The id of the task group the task belongs to.' }),
  retries: retriesSchema.optional(),
  retry_delay_s: retryDelaySchema.optional(),
  timeout_s: timeoutSchema.optional(),
  trigger_rule: triggerRuleSchema.optional(),
  position: positionSchema.meta({ description: 'Where the node sits on the canvas (UI only).' }),
  note: z.string().optional(),
});

export const edgeSchema = z.strictObject({
  from: idSchema.meta({ description: 'The upstream task id.' }),
  to: idSchema.meta({ description: 'The downstream task id.' }),
});

export const pipelineSchema = z
  .strictObject({
    format: z.literal(PIPELINE_FORMAT),
    version: z.literal(PIPELINE_VERSION),
    id: idSchema.meta({ description: 'The DAG id (Airflow’s dag_id rules).' }),
    title: z.string().optional(),
    description: z.string().optional(),
    schedule: scheduleSchema.default(null),
    params: z.record(z.string(), z.unknown()).default({}).meta({ description: 'Run parameters with their defaults ({{ params.x }}).' }),
    defaults: taskDefaultsSchema.optional(),
    groups: z.array(groupSchema).default([]),
    tasks: z.array(taskSchema),
    edges: z.array(edgeSchema).default([]),
  })
  .meta({ title: 'dagstudio pipeline', description: 'A pipeline file (*.dag.json), format v1.' });

export type Pipeline = z.output<typeof pipelineSchema>;
export type PipelineInput = z.input<typeof pipelineSchema>;
export type Task = z.output<typeof taskSchema>;
export type Edge = z.output<typeof edgeSchema>;
export type Group = z.output<typeof groupSchema>;
export type TaskDefaults = z.output<typeof taskDefaultsSchema>;
