import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Executor } from '../execute-types';
import { outcomeOf, workingDirectory } from '../bash/execute';
import { pythonOperator } from './definition';

/**
 * Runs inline code (written to a temporary `task.py`, so tracebacks name real lines) or a script file
 * (relative to the pipeline's folder) with `interpreter`; the same exit-code and return-value rules as bash.
 */
export const executePython: Executor = async (context) => {
  const config = pythonOperator.config.parse(context.config);
  const problems = pythonOperator.validate?.(config) ?? [];
  if (problems.length > 0) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  const cwd = workingDirectory(context, config.cwd);
  const env = { ...context.env, ...config.env, PYTHONUNBUFFERED: '1' };
  const args = config.args ?? [];
  if (config.script) {
    const script = isAbsolute(config.script) ? config.script : resolve(context.cwd, config.script);
    return outcomeOf(await context.spawn(config.interpreter, [script, ...args], { cwd, env }));
  }
  const dir = mkdtempSync(join(tmpdir(), 'dagstudio-python-'));
  try {
    const file = join(dir, 'task.py');
    writeFileSync(file, config.code ?? '', { mode: 0o600 });
    return outcomeOf(await context.spawn(config.interpreter, [file, ...args], { cwd, env }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
