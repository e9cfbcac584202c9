import { z } from 'zod';
import { runEventSchema } from './events';

/** Events from the desktop shell to the renderer, beside the run events: menu commands and files opened from the OS. */

/** What a native menu item asks the renderer to do (the renderer owns the pipeline being edited). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'import',
  'export-json',
  'export-airflow',
  'close',
  'undo',
  'redo',
  'settings',
  'variables',
  'connections',
  'fit-view',
  'auto-layout',
  'run',
  'cancel',
  'history',
  'shortcuts',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const menuEventSchema = z.object({ type: z.literal('menu'), command: z.enum(MENU_COMMANDS) });

/** A pipeline file to open: double-clicked in the file manager, passed on the command line, or picked from File › Open Recent. */
export const openPathEventSchema = z.object({ type: z.literal('open-path'), path: z.string() });

export const hostEventSchema = z.discriminatedUnion('type', [...runEventSchema.options, menuEventSchema, openPathEventSchema]);
export type MenuEvent = z.output<typeof menuEventSchema>;
export type OpenPathEvent = z.output<typeof openPathEventSchema>;
export type AppEvent = MenuEvent | OpenPathEvent;
/** Everything `onEvent` delivers. Switch on `type`. */
export type HostEvent = z.output<typeof hostEventSchema>;
