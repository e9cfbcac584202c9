import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { HostError, type Method } from '../../../shared/api';
import { PIPELINE_FORMAT, PIPELINE_VERSION, type Pipeline } from '../../../shared/pipeline/schema';
import { exportPipelineToAirflow } from '../../../operators/airflow';
import { parsePipeline, serializePipeline, validatePipeline } from '../../../operators/pipeline';
import { writeFileAtomic } from '../atomic-write';
import { examplePath, listExamples } from '../examples';
import type { HostContext } from '../context';
import type { Handlers } from '../dispatch';

/** pipelines.* and examples.*: files in and out, always through the path guard. */

/* A pipeline of 10,000 tasks is a few MB; anything far larger is not a pipeline file. */
const MAX_PIPELINE_BYTES = 64 * 1024 * 1024;

async function readPipelineFile(ctx: HostContext, path: string) {
  const real = await ctx.guard.readable(path);
  const info = await stat(real);
  if (info.size > MAX_PIPELINE_BYTES) throw new HostError('too-large', `${path}: ${info.size} bytes is too large for a pipeline file`);
  const text = await readFile(real, 'utf8');
  const parsed = parsePipeline(text, basename(real));
  return {
    path: real,
    pipeline: parsed.pipeline ?? null,
    problems: parsed.ok ? [] : parsed.problems,
  };
}

/** Loads a pipeline for a run: a file's pipeline with its problems, or the given one with its validation problems. */
export async function pipelineForRun(ctx: HostContext, request: { pipeline?: Pipeline; path?: string }) {
  if (request.pipeline) {
    const path = request.path ? await ctx.guard.readable(request.path).catch(() => folderOnly(ctx, request.path!)) : null;
    return { pipeline: request.pipeline, path, problems: validatePipeline(request.pipeline) };
  }
  const loaded = await readPipelineFile(ctx, request.path!);
  return { pipeline: loaded.pipeline, path: loaded.path, problems: loaded.problems };
}

/* An unsaved Save As target still tells the runner its folder; the folder itself must be allowed. */
async function folderOnly(ctx: HostContext, path: string): Promise<string> {
  return ctx.guard.writable(path, ['.json']);
}

async function write(ctx: HostContext, path: string, text: string, extensions: readonly string[]) {
  const real = await ctx.guard.writable(path, extensions);
  await writeFileAtomic(real, text);
  return { path: real, bytes: Buffer.byteLength(text) };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function emptyPipeline(id: string): Pipeline {
  return { format: PIPELINE_FORMAT, version: PIPELINE_VERSION, id, schedule: null, params: {}, groups: [], tasks: [], edges: [] };
}

type PipelineMethods = Extract<Method, `pipelines.${string}` | `examples.${string}`>;

export const pipelineHandlers: Pick<Handlers<HostContext>, PipelineMethods> = {
  'pipelines.new': ({ id }) => ({ pipeline: emptyPipeline(id ?? 'untitled') }),

  'pipelines.open': async ({ path }, ctx) => {
    const chosen = path ?? (await ctx.dialog('openFile', { kind: 'pipeline', title: 'Open pipeline' }));
    if (chosen === null) return { cancelled: true as const };
    const loaded = await readPipelineFile(ctx, chosen);
    if (loaded.pipeline) await ctx.prefs.touch(loaded.path);
    return { ...loaded, read_only: ctx.guard.isReadOnly(loaded.path) };
  },

  'pipelines.save': async ({ path, pipeline }, ctx) => {
    const saved = await write(ctx, path, serializePipeline(pipeline), ['.json']);
    await ctx.prefs.touch(saved.path);
    return saved;
  },

  'pipelines.saveAs': async ({ pipeline, path, overwrite }, ctx) => {
    let target = path;
    if (target === undefined) {
      const chosen = await ctx.dialog('saveFile', { kind: 'pipeline', title: 'Save pipeline as', defaultName: `${pipeline.id}.dag.json` });
      if (chosen === null) return { cancelled: true as const };
      // The native dialog has already asked about replacing an existing file.
      target = chosen;
    } else if (!overwrite) {
      const real = await ctx.guard.writable(target, ['.json']);
      if (await exists(real)) throw new HostError('exists', `${target} already exists; save again with overwrite to replace it`);
    }
    const saved = await write(ctx, target, serializePipeline(pipeline), ['.json']);
    await ctx.prefs.touch(saved.path);
    return saved;
  },

  'pipelines.recent': async (_request, ctx) => ({
    files: await Promise.all(ctx.prefs.recent().map(async (r) => ({ ...r, exists: await exists(r.path) }))),
  }),

  'pipelines.importJson': ({ text, file_name }) => {
    const parsed = parsePipeline(text, basename(file_name));
    return { pipeline: parsed.pipeline ?? null, problems: parsed.ok ? [] : parsed.problems };
  },

  'pipelines.validate': ({ pipeline }) => ({ problems: validatePipeline(pipeline) }),

  'pipelines.exportJson': async ({ pipeline, path }, ctx) => {
    const text = serializePipeline(pipeline);
    const written = path === undefined ? null : (await write(ctx, path, text, ['.json'])).path;
    return { text, file_name: `${pipeline.id}.dag.json`, path: written };
  },

  'pipelines.exportAirflow': async ({ pipeline, path }, ctx) => {
    const exported = exportPipelineToAirflow(pipeline, serializePipeline(pipeline));
    if (!exported.ok) return { problems: exported.problems };
    const written = path === undefined ? null : (await write(ctx, path, exported.code, ['.py'])).path;
    return { text: exported.code, file_name: `${pipeline.id}.py`, path: written, issues: exported.issues };
  },

  'examples.list': async (_request, ctx) => ({ examples: await listExamples(ctx.examplesDir) }),

  'examples.open': async ({ name }, ctx) => {
    const loaded = await readPipelineFile(ctx, await examplePath(ctx.examplesDir, name));
    return { ...loaded, read_only: true as const };
  },
};

