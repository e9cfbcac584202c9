import { cpus, platform } from 'node:os';
import type { Method } from '../../../shared/api';
import type { HostContext } from '../context';
import type { Handlers } from '../dispatch';

/** app.info and the desktop app's native dialogs. */

type AppMethods = Extract<Method, `app.${string}` | `dialogs.${string}`>;

export const appHandlers: Pick<Handlers<HostContext>, AppMethods> = {
  'app.info': (_request, ctx) => ({
    kind: ctx.kind,
    version: ctx.version,
    platform: platform(),
    dialogs: ctx.hasDialogs,
    home: ctx.home,
    data_dir: ctx.dataDir,
    examples_dir: ctx.examplesDir,
    allowed_dirs: ctx.guard.roots().map((r) => r.dir),
    cpus: cpus().length,
  }),

  'app.openRequests': (_request, ctx) => ({ paths: ctx.takeOpenRequests() }),

  'dialogs.openFile': async ({ title, kind }, ctx) => ({ path: await ctx.dialog('openFile', { kind, ...(title ? { title } : {}) }) }),

  'dialogs.saveFile': async ({ title, kind, default_name }, ctx) => ({
    path: await ctx.dialog('saveFile', { kind, ...(title ? { title } : {}), ...(default_name ? { defaultName: default_name } : {}) }),
  }),
};
