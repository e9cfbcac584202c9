import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Executor, SpawnResult, TaskOutcome, TaskRunContext } from '../execute-types';
import { bashOperator } from './definition';

/* Linux refuses a single argument longer than 128 KiB (MAX_ARG_STRLEN): longer commands go through a file. */
const INLINE_LIMIT = 100_000;

/** Airflow's BashOperator: `bash -c command`; exit 0 succeeds, 99 skips, anything else fails. */
export const executeBash: Executor = async (context) => {
  const config = bashOperator.config.parse(context.config);
  const cwd = workingDirectory(context, config.cwd);
  const env = config.env && Object.keys(config.env).length > 0 ? { ...context.env, ...config.env } : context.env;
  if (config.command.length <= INLINE_LIMIT) {
    return outcomeOf(await context.spawn('bash', ['-c', config.command], { cwd, env }));
  }
  const dir = mkdtempSync(join(tmpdir(), 'dagstudio-bash-'));
  try {
    const script = join(dir, 'command.sh');
    writeFileSync(script, config.command, { mode: 0o600 });
    return outcomeOf(await context.spawn('bash', [script], { cwd, env }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The task's working directory: `cwd` from the config (relative to the pipeline's folder) or that folder. */
export function workingDirectory(context: TaskRunContext, cwd: string | undefined): string {
  if (!cwd) return context.cwd;
  return isAbsolute(cwd) ? cwd : resolve(context.cwd, cwd);
}

/**
 * Maps a finished process to the task's outcome, with the last non-empty line it printed as its return
 * value, as a string (Airflow's BashOperator pushes that line unparsed). JSON written to
 * DAGSTUDIO_RETURN_FILE replaces it: the runner reads that file after every operator (DESIGN.md §3).
 */
export function outcomeOf(result: SpawnResult): TaskOutcome {
  const returnValue = result.lastLine !== '' ? result.lastLine : undefined;
  const withValue = returnValue === undefined ? {} : { returnValue };
  if (result.signal !== null && result.signal !== undefined) {
    return { state: 'failed', exitCode: null, error: `killed by signal ${result.signal}`, ...withValue };
  }
  if (result.exitCode === 0) return { state: 'success', exitCode: 0, ...withValue };
  if (result.exitCode === 99) return { state: 'skipped', exitCode: 99, ...withValue };
  return { state: 'failed', exitCode: result.exitCode, error: `exit code ${result.exitCode}`, ...withValue };
}

