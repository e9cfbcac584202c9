import { z } from 'zod';
import { idSchema } from '../pipeline/schema';
import { connectionSchema, variableSchema } from '../settings';

/**
 * Requests about settings: variables, connections and preferences.
 * Secret values never travel back to the renderer: they come out as SECRET_MASK, and a `set` that sends the mask
 * back keeps the stored secret (so editing a connection's region does not need its password again).
 */

export const SECRET_MASK = '••••••••';

export const THEMES = ['system', 'light', 'dark'] as const;

export const preferencesSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  /** Tasks run at once by default; null means the CPU count. */
  default_parallelism: z.number().int().min(1).max(1024).nullable().default(null),
  /** Where run history, logs and settings live; null means the OS app-data folder. Takes effect on the next launch. */
  data_dir: z.string().max(4096).nullable().default(null),
  /** A desktop notification when a run ends while the window is not focused. */
  notify_on_finish: z.boolean().default(true),
});
export type Preferences = z.output<typeof preferencesSchema>;

export const preferencesReplySchema = z.object({
  preferences: preferencesSchema,
  /** The data folder in use now (a changed `data_dir` applies after a restart). */
  data_dir: z.string(),
  restart_required: z.boolean(),
});

export const settingsRequests = {
  /** Every variable; secret ones carry SECRET_MASK instead of their value. */
  'variables.list': {
    request: z.object({}),
    reply: z.object({ variables: z.array(variableSchema) }),
  },
  /** Creates or replaces a variable; SECRET_MASK as the value of a secret one keeps the stored value. */
  'variables.set': {
    request: variableSchema,
    reply: z.object({ variable: variableSchema }),
  },
  'variables.delete': {
    request: z.object({ name: idSchema }),
    reply: z.object({ deleted: z.boolean() }),
  },
  /** Every connection; secret fields (CONNECTION_SECRET_FIELDS) carry SECRET_MASK. */
  'connections.list': {
    request: z.object({}),
    reply: z.object({ connections: z.array(connectionSchema) }),
  },
  /** Creates or replaces a connection; a secret field sent as SECRET_MASK keeps the stored secret. */
  'connections.set': {
    request: z.object({ connection: connectionSchema }),
    reply: z.object({ connection: connectionSchema }),
  },
  'connections.delete': {
    request: z.object({ name: idSchema }),
    reply: z.object({ deleted: z.boolean() }),
  },
  'preferences.get': {
    request: z.object({}),
    reply: preferencesReplySchema,
  },
  /** Changes the given preferences and returns them all. */
  'preferences.set': {
    request: preferencesSchema.partial(),
    reply: preferencesReplySchema,
  },
} as const;
