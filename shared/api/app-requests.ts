import { z } from 'zod';

/** Requests about the host itself and the desktop app's native dialogs. */

export const FILE_KINDS = ['pipeline', 'json', 'python', 'log', 'any'] as const;

export const appInfoSchema = z.object({
  /** Which transport serves this renderer: the desktop app, or `dagstudio serve` in a browser. */
  kind: z.enum(['electron', 'browser']),
  version: z.string(),
  platform: z.string(),
  /** Native open/save dialogs exist (desktop app); otherwise the UI asks for a path in a text box. */
  dialogs: z.boolean(),
  home: z.string(),
  data_dir: z.string(),
  examples_dir: z.string().nullable(),
  /** The folders the host reads and writes files in; paths elsewhere are refused. */
  allowed_dirs: z.array(z.string()),
  cpus: z.number().int(),
});
export type AppInfo = z.output<typeof appInfoSchema>;

export const appRequests = {
  'app.info': {
    request: z.object({}),
    reply: appInfoSchema,
  },
  /**
   * Files the OS asked the app to open (double-click, command line) before the renderer was listening; later ones
   * arrive as `open-path` events. Calling this tells the host the renderer now listens. Always empty in a browser.
   */
  'app.openRequests': {
    request: z.object({}),
    reply: z.object({ paths: z.array(z.string()) }),
  },
  /** Desktop app only: a native open dialog; the chosen file's folder becomes an allowed folder. null when cancelled. */
  'dialogs.openFile': {
    request: z.object({ title: z.string().max(200).optional(), kind: z.enum(FILE_KINDS).default('pipeline') }),
    reply: z.object({ path: z.string().nullable() }),
  },
  /** Desktop app only: a native save dialog; the chosen file's folder becomes an allowed folder. null when cancelled. */
  'dialogs.saveFile': {
    request: z.object({
      title: z.string().max(200).optional(),
      kind: z.enum(FILE_KINDS).default('pipeline'),
      default_name: z.string().max(255).optional(),
    }),
    reply: z.object({ path: z.string().nullable() }),
  },
} as const;
