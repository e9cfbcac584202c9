import { copyFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError, type Method } from '../../../shared/api';
import type { HostContext } from '../context';
import type { Handlers } from '../dispatch';
import { pipelineForRun } from './pipelines';

/** runs.*: start and steer runs, read history and logs, choose which runs' events this client receives. */

type RunMethods = Extract<Method, `runs.${string}`>;

/* One reply carries at most this much log text; the UI asks for the rest as the user scrolls. */
const DEFAULT_LOG_READ = 1024 * 1024;
const MAX_LOG_READ = 4 * 1024 * 1024;

async function requireRun(ctx: HostContext, runId: string) {
  const run = await ctx.runner.getRun(runId);
  if (!run) throw new HostError('not-found', `no run "${runId}"`);
  return run;
}

function requireTask(run: { run_id: string; tasks: Record<string, unknown> }, taskId: string) {
  if (!(taskId in run.tasks)) throw new HostError('not-found', `run "${run.run_id}" has no task "${taskId}"`);
}

export const runHandlers: Pick<Handlers<HostContext>, RunMethods> = {
  'runs.start': async (request, ctx) => {
    const loaded = await pipelineForRun(ctx, request);
    if (!loaded.pipeline || loaded.problems.length > 0) {
      return { problems: loaded.problems.length > 0 ? loaded.problems : [{ path: '', message: 'not a pipeline' }] };
    }
    const pipeline = loaded.pipeline;
    if (request.tasks) {
      const known = new Set(pipeline.tasks.map((t) => t.id));
      const unknown = request.tasks.filter((t) => !known.has(t));
      if (unknown.length > 0) return { problems: unknown.map((t) => ({ path: 'tasks', message: `no task "${t}" in the pipeline` })) };
    }
    const parallelism = request.parallelism ?? ctx.prefs.get().default_parallelism;
    const runId = await ctx.session.capture(
      () =>
        ctx.runner.start({
          pipeline,
          pipelinePath: loaded.path,
          params: request.params ?? {},
          vars: request.vars ?? {},
          parallelism,
          tasks: request.tasks ?? null,
          reuseRunId: request.reuse_run_id ?? null,
        }),
      (id) => id,
    );
    return { run_id: runId };
  },

  'runs.cancel': async ({ run_id }, ctx) => {
    await requireRun(ctx, run_id);
    return { run_id, cancelled: await ctx.runner.cancel(run_id) };
  },

  'runs.retryTask': async ({ run_id, task_id }, ctx) => {
    requireTask(await requireRun(ctx, run_id), task_id);
    ctx.session.subscribe(run_id);
    await ctx.runner.retryTask(run_id, task_id);
    return { run_id };
  },

  'runs.clearTask': async ({ run_id, task_id, downstream }, ctx) => {
    requireTask(await requireRun(ctx, run_id), task_id);
    ctx.session.subscribe(run_id);
    await ctx.runner.clearTask(run_id, task_id, downstream);
    return { run_id };
  },

  'runs.list': async ({ dag_id, active, limit }, ctx) => ({
    runs: await ctx.runner.listRuns({ ...(dag_id ? { dagId: dag_id } : {}), ...(active !== undefined ? { active } : {}), ...(limit ? { limit } : {}) }),
  }),

  'runs.get': async ({ run_id }, ctx) => ({ run: await requireRun(ctx, run_id) }),

  'runs.readLog': async ({ run_id, task_id, try_number, start, end }, ctx) => {
    const run = await requireRun(ctx, run_id);
    requireTask(run, task_id);
    if (end !== undefined && end < start) throw new HostError('bad-request', `runs.readLog: end (${end}) is before start (${start})`);
    return ctx.runner.readLog(run_id, task_id, try_number, { start, end: Math.min(end ?? start + DEFAULT_LOG_READ, start + MAX_LOG_READ) });
  },

  'runs.saveLog': async ({ run_id, task_id, try_number, path }, ctx) => {
    const run = await requireRun(ctx, run_id);
    requireTask(run, task_id);
    const entry = run.tasks[task_id]!.tries.find((t) => t.try_number === try_number);
    if (!entry) throw new HostError('not-found', `task "${task_id}" of run "${run_id}" has no try ${try_number}`);
    const target = await ctx.guard.writable(path, ['.log', '.txt']);
    await copyFile(join(ctx.dataDir, entry.log), target);
    return { path: target, bytes: (await stat(target)).size };
  },

  'runs.subscribe': (request, ctx) => {
    ctx.session.subscribe('all' in request ? '*' : request.run_id);
    return { subscribed: true as const };
  },

  'runs.unsubscribe': (request, ctx) => {
    ctx.session.unsubscribe('all' in request ? '*' : request.run_id);
    return { subscribed: false as const };
  },
};
