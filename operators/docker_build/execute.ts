import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Executor, TaskRunContext } from '../execute-types';
import { throwIfCancelled } from '../http/cancel';
import { commandLine } from '../http/command-line';
import { readConfig } from '../http/read-config';
import { dockerBuildOperator } from './definition';
import { dockerBuildArgs, dockerEnv, dockerPushArgs } from './docker-args';
import { checkDockerDaemon } from './docker-daemon';

/* A remote context (git URL, tarball URL) or stdin is docker's business, not a local folder to check. */
const REMOTE_CONTEXT = /^(?:https?:\/\/|git@|git:\/\/|github\.com\/)|^-$/;

async function requireLocal(path: string, cwd: string, what: string, kind: 'file' | 'folder'): Promise<void> {
  const full = resolve(cwd, path);
  try {
    const info = await stat(full);
    if (kind === 'folder' && !info.isDirectory()) throw new Error(`${what} ${full} is not a folder`);
    if (kind === 'file' && !info.isFile()) throw new Error(`${what} ${full} is not a file`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${what} ${full} does not exist`);
    throw error;
  }
}

async function run(context: TaskRunContext, args: string[], env: Record<string, string>, what: string) {
  context.log(`$ ${commandLine('docker', args)}\n`);
  const result = await context.spawn('docker', args, { cwd: context.cwd, env });
  throwIfCancelled(context.signal);
  if (result.exitCode !== 0) {
    const last = result.lastLine.trim().slice(0, 200);
    const how = result.exitCode === null ? `was killed (${result.signal})` : `failed with exit code ${result.exitCode}`;
    throw new Error(`${what} ${how}${last ? `: ${last}` : ''}`);
  }
}

export const executeDockerBuild: Executor = async (context) => {
  const config = readConfig(dockerBuildOperator, context.config);
  if (!REMOTE_CONTEXT.test(config.context)) await requireLocal(config.context, context.cwd, 'build context', 'folder');
  if (config.dockerfile && config.dockerfile !== '-') await requireLocal(config.dockerfile, context.cwd, 'Dockerfile', 'file');

  const env = dockerEnv(config, context.env);
  const version = await checkDockerDaemon({ env, cwd: context.cwd, signal: context.signal });
  throwIfCancelled(context.signal);
  context.log(`Docker daemon ${version} is reachable\n`);

  const scratch = await mkdtemp(join(tmpdir(), 'dagstudio-docker-'));
  try {
    const iidFile = join(scratch, 'image-id');
    await run(context, dockerBuildArgs(config, iidFile), env, 'docker build');
    const imageId = (await readFile(iidFile, 'utf8').catch(() => '')).trim() || null;
    context.log(`built ${config.tag ?? 'an untagged image'}${imageId ? ` (${imageId})` : ''}\n`);
    if (config.push && config.tag) await run(context, dockerPushArgs(config.tag), env, 'docker push');
    return { state: 'success', returnValue: { tag: config.tag ?? null, image_id: imageId } };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
};
