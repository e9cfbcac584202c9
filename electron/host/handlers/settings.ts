import type { Method } from '../../../shared/api';
import { maskConnection, maskVariable, mergeConnection, mergeVariable } from '../../../shared/api/secrets';
import type { HostContext } from '../context';
import type { Handlers } from '../dispatch';

/** variables.*, connections.*, preferences.*: secrets go out masked and come back as "keep". */

type SettingsMethods = Extract<Method, `variables.${string}` | `connections.${string}` | `preferences.${string}`>;

function preferencesReply(ctx: HostContext) {
  return { preferences: ctx.prefs.get(), data_dir: ctx.dataDir, restart_required: ctx.restartRequired() };
}

export const settingsHandlers: Pick<Handlers<HostContext>, SettingsMethods> = {
  'variables.list': async (_request, ctx) => ({ variables: (await ctx.settings.listVariables()).map(maskVariable) }),

  'variables.set': async (variable, ctx) => {
    const stored = (await ctx.settings.listVariables()).find((v) => v.name === variable.name);
    const merged = mergeVariable(variable, stored);
    await ctx.settings.setVariable(merged);
    return { variable: maskVariable(merged) };
  },

  'variables.delete': async ({ name }, ctx) => ({ deleted: await ctx.settings.deleteVariable(name) }),

  'connections.list': async (_request, ctx) => ({ connections: (await ctx.settings.listConnections()).map(maskConnection) }),

  'connections.set': async ({ connection }, ctx) => {
    const stored = (await ctx.settings.listConnections()).find((c) => c.name === connection.name);
    const merged = mergeConnection(connection, stored);
    await ctx.settings.setConnection(merged);
    return { connection: maskConnection(merged) };
  },

  'connections.delete': async ({ name }, ctx) => ({ deleted: await ctx.settings.deleteConnection(name) }),

  'preferences.get': (_request, ctx) => preferencesReply(ctx),

  'preferences.set': async (patch, ctx) => {
    await ctx.prefs.set(patch);
    return preferencesReply(ctx);
  },
};
