import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunEvent } from '../../shared/api/events';
import type { RunRecord } from '../../shared/api/runs';
import { formatProblem } from '../../shared/problems';
import { parsePipeline } from '../../operators/pipeline';
import { defaultDataDir } from '../paths';
import { createRunner, RunnerError, SettingsStore } from '../runner/index';

/**
 * `dagstudio run FILE` (DESIGN.md §4): runs a pipeline headless. Task output streams to stderr, each
 * line prefixed with its task id; with --json, stdout carries one JSON summary of the run and nothing
 * else. Exit 0 when the run succeeded, 1 when it failed or was cancelled (Ctrl-C), 2 when the file is
 * invalid or the arguments are wrong.
 */

export const RUN_USAGE = `Usage: dagstudio run FILE [--param k=v]… [--var NAME=VALUE]… [--parallelism N] [--json] [--data-dir D]

Runs a pipeline headless and streams its tasks' output to stderr, prefixed by task id.
  --param k=v        override a param (the value is read as JSON when it parses, else as text)
  --var NAME=VALUE   override a stored variable for this run
  --parallelism N    at most N tasks at once (default: the number of CPUs)
  --json             print one JSON summary of the run on stdout
  --data-dir D       where run history, logs and settings live (default: the app's data folder)

Exit codes: 0 the run succeeded, 1 it failed or was cancelled, 2 invalid file or arguments.`;

export interface RunArgs {
  file: string;
  params: Record<string, unknown>;
  vars: Record<string, string>;
  parallelism: number | null;
  json: boolean;
  dataDir: string | null;
}

/** Parses the arguments; a string is the one-line reason they are wrong. */
export function parseRunArgs(args: readonly string[]): RunArgs | string | 'help' {
  const out: RunArgs = { file: '', params: {}, vars: {}, parallelism: null, json: false, dataDir: null };
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | undefined => (eq > 0 ? arg.slice(eq + 1) : args[++i]);
    switch (name) {
      case '--help':
      case '-h':
        return 'help';
      case '--json':
        out.json = true;
        break;
      case '--param':
      case '--var': {
        const value = takeValue();
        if (value === undefined) return `${name} needs a value like ${name === '--param' ? 'k=v' : 'NAME=VALUE'}`;
        const sep = value.indexOf('=');
        if (sep <= 0) return `${name} ${value}: expected ${name === '--param' ? 'k=v' : 'NAME=VALUE'}`;
        const key = value.slice(0, sep);
        const text = value.slice(sep + 1);
        if (name === '--var') out.vars[key] = text;
        else out.params[key] = parseParamValue(text);
        break;
      }
      case '--parallelism': {
        const value = takeValue();
        const n = Number(value);
        if (value === undefined || !/^\d+$/.test(value) || n < 1) return `--parallelism needs a whole number of at least 1, got ${value === undefined ? 'nothing' : `"${value}"`}`;
        out.parallelism = n;
        break;
      }
      case '--data-dir': {
        const value = takeValue();
        if (!value) return '--data-dir needs a folder';
        out.dataDir = value;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}"`;
        files.push(arg);
    }
  }
  if (files.length !== 1) return files.length === 0 ? 'missing FILE' : `one FILE at a time (got ${files.length})`;
  out.file = files[0] as string;
  return out;
}

/** `--param n=3` is the number 3, `--param tags=["a"]` a list, `--param name=abc` the text "abc". */
export function parseParamValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function runCommand(args: string[]): Promise<number> {
  const parsed = parseRunArgs(args);
  if (parsed === 'help') {
    process.stdout.write(`${RUN_USAGE}\n`);
    return 0;
  }
  if (typeof parsed === 'string') {
    process.stderr.write(`dagstudio run: ${parsed}\n\n${RUN_USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(parsed.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`${parsed.file}: cannot read file${code ? `: ${code}` : ''}\n`);
    return 2;
  }
  const result = parsePipeline(text, parsed.file);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`${formatProblem(parsed.file, problem)}\n`);
    return 2;
  }

  const out = new StderrLog(Boolean(process.stderr.isTTY));
  const dataDir = parsed.dataDir ?? defaultDataDir();
  const settings = new SettingsStore({ dir: dataDir });
  const runner = createRunner({
    dataDir,
    settings,
    notify: (title, body) => out.line(`dagstudio: notification: ${title}${body ? ` — ${body}` : ''}`),
  });
  const recovered = await runner.recover();
  if (recovered.runs.length > 0) {
    out.line(`dagstudio: marked ${recovered.runs.length} interrupted run(s) failed: ${recovered.runs.join(', ')}`);
  }
  runner.subscribe((event) => out.event(event));

  // Secrets the desktop app encrypted cannot be read here: say which, before a template misses them.
  settings.variables();
  settings.connections();
  for (const why of settings.unreadableSecrets()) out.line(`dagstudio: warning: ${why}`);

  let started;
  try {
    started = await runner.start(result.pipeline, {
      pipelinePath: resolve(parsed.file),
      params: parsed.params,
      vars: parsed.vars,
      parallelism: parsed.parallelism,
    });
  } catch (error) {
    await runner.close();
    if (error instanceof RunnerError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(parsed.file, problem)}\n`);
      if (error.problems.length === 0) process.stderr.write(`dagstudio run: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts === 1) {
      out.line('dagstudio: cancelling the run (Ctrl-C again to quit at once)');
      void runner.cancel(started.runId);
    } else process.exit(130);
  };
  // `conf` (through atomically/when-exit) hooks these signals and re-raises them to end the process;
  // here a first Ctrl-C must cancel the run cleanly instead, so this command owns them.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let record: RunRecord;
  try {
    record = await started.done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner.close();
  }
  out.line(`dagstudio: run ${record.run_id} ${record.state} (${tally(record)})`);
  if (parsed.json) process.stdout.write(`${JSON.stringify(summary(record))}\n`);
  return record.state === 'success' ? 0 : 1;
}

/** The --json object of DESIGN.md §4. */
export function summary(record: RunRecord) {
  const tasks: Record<string, { state: string; try_number: number; return_value: unknown; exit_code: number | null; duration_s: number | null }> = {};
  for (const [id, ti] of Object.entries(record.tasks)) {
    const last = ti.tries[ti.tries.length - 1];
    const duration = last?.start && last.end ? (Date.parse(last.end) - Date.parse(last.start)) / 1000 : null;
    tasks[id] = {
      state: ti.state,
      try_number: ti.try_number,
      return_value: ti.return_value ?? null,
      exit_code: ti.exit_code,
      duration_s: duration,
    };
  }
  return { run_id: record.run_id, dag_id: record.dag_id, state: record.state, tasks };
}

function tally(record: RunRecord): string {
  const counts = new Map<string, number>();
  for (const ti of Object.values(record.tasks)) counts.set(ti.state, (counts.get(ti.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
}

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what is being removed
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Task output on stderr, one prefixed line at a time (a partial line waits for its end or the task's). */
class StderrLog {
  private readonly partial = new Map<string, string>();

  constructor(private readonly colours: boolean) {}

  line(text: string): void {
    process.stderr.write(`${text}\n`);
  }

  event(event: RunEvent): void {
    if (event.type === 'log') {
      const text = (this.partial.get(event.task_id) ?? '') + (this.colours ? event.text : event.text.replace(ANSI, ''));
      const end = text.lastIndexOf('\n');
      if (end < 0) {
        this.partial.set(event.task_id, text);
        return;
      }
      this.partial.set(event.task_id, text.slice(end + 1));
      const prefix = `[${event.task_id}] `;
      process.stderr.write(prefix + text.slice(0, end).split('\n').join(`\n${prefix}`) + '\n');
      return;
    }
    if (event.type === 'task-state') {
      if (event.state === 'queued' || event.state === 'none') return;
      const rest = this.partial.get(event.task_id);
      if (rest && event.state !== 'running') {
        this.partial.delete(event.task_id);
        this.line(`[${event.task_id}] ${rest}`);
      }
      const detail =
        event.state === 'running'
          ? ` (try ${event.try_number})`
          : event.error
            ? `: ${event.error}`
            : event.exit_code !== undefined && event.exit_code !== null
              ? ` (exit ${event.exit_code})`
              : '';
      this.line(`[${event.task_id}] -- ${event.state}${detail}`);
    }
  }
}
