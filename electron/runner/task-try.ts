import { rmSync } from 'node:fs';
import type { Connection } from '../../shared/settings';
import type { TaskState } from '../../shared/api/runs';
import type { Task } from '../../shared/pipeline/schema';
import { secretFields, templatedFields, type OperatorDefinition } from '../../shared/operator';
import { formatPath } from '../../shared/problems';
import { buildTemplateContext, renderConfig } from '../../shared/templating';
import type { Executor, SpawnOptions, SpawnResult, TaskOutcome, TaskRunContext } from '../../operators/execute-types';
import type { LogSink } from './log-sink';
import { readReturnFile } from './return-file';
import type { SecretMasker } from './masker';
import { spawnInPty } from './spawn';

/**
 * One try of one task: render its templated fields, check its config against the operator's schema
 * (which also fills defaults), run the executor with a context wired to the log, and read its return
 * value. Processes, states and retries belong to the caller (run-session.ts).
 */

export interface TryInput {
  runId: string;
  dagId: string;
  logicalDate: string;
  params: Record<string, unknown>;
  variables: Readonly<Record<string, string>>;
  task: Task;
  tryNumber: number;
  definition: OperatorDefinition | undefined;
  executor: Executor | undefined;
  env: Record<string, string>;
  cwd: string;
  returnFile: string;
  dataDir: string;
  sink: LogSink;
  masker: SecretMasker;
  signal: AbortSignal;
  xcom: (taskId: string) => { found: boolean; value?: unknown };
  taskStates: () => Record<string, TaskState>;
  connection: (name: string) => Connection;
  notify: (title: string, body: string) => void;
  onProcessStart: (pgid: number) => void;
  onProcessEnd: (pgid: number) => void;
  /** Called once the config is rendered and checked, with its shown form (templated fields, secrets masked). */
  onRendered: (rendered: Record<string, unknown>) => void;
  killGraceMs?: number;
}

export interface TryResult extends TaskOutcome {
  exitCode: number | null;
}

export async function runTry(input: TryInput): Promise<TryResult> {
  const { task, definition, executor, sink } = input;
  const fail = (error: string): TryResult => {
    sink.note(`[dagstudio] ${error}`);
    return { state: 'failed', exitCode: null, error };
  };
  if (!definition) return fail(`tasks.${task.id}.operator: unknown operator "${task.operator}"`);
  if (!executor) return fail(`tasks.${task.id}.operator: the operator "${task.operator}" cannot run here`);

  const prefix = `tasks.${task.id}.config`;
  let config: Record<string, unknown>;
  try {
    const context = () => buildTemplateContext({
      dagId: input.dagId,
      taskId: task.id,
      operator: task.operator,
      runId: input.runId,
      tryNumber: input.tryNumber,
      logicalDate: input.logicalDate,
      params: input.params,
      variables: input.variables,
      xcom: input.xcom,
      taskStates: input.taskStates,
    });
    const rendered = renderConfig(task.config, fieldLists(definition).templated, context, prefix);
    if (!rendered.ok) return fail(`${rendered.problem.path}: ${input.masker.mask(rendered.problem.message)}`);
    config = rendered.config;
  } catch (error) {
    return fail(`${prefix}: template error: ${error instanceof Error ? error.message : String(error)}`);
  }

  const parsed = definition.config.safeParse(config);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${prefix}${i.path.length ? '.' + formatPath(i.path) : ''}: ${i.message}`);
    return fail(lines.join('\n[dagstudio] '));
  }
  const problems = definition.validate?.(parsed.data) ?? [];
  if (problems.length > 0) return fail(problems.map((p) => `${prefix}.${p.path}: ${p.message}`).join('\n[dagstudio] '));
  const finalConfig = parsed.data as Record<string, unknown>;
  input.onRendered(shownConfig(definition, finalConfig, input.masker));

  const context: TaskRunContext = {
    runId: input.runId,
    dagId: input.dagId,
    taskId: task.id,
    tryNumber: input.tryNumber,
    config: finalConfig,
    env: input.env,
    cwd: input.cwd,
    returnFile: input.returnFile,
    log: (text) => sink.write(text),
    signal: input.signal,
    spawn: (file, args, options) => spawnForTask(input, file, args, options),
    connection: input.connection,
    taskStates: input.taskStates,
    notify: input.notify,
    dataDir: input.dataDir,
  };

  let outcome: TaskOutcome;
  try {
    outcome = await executor(context);
  } catch (error) {
    outcome = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  // DESIGN.md §3: a JSON return file wins over what the operator returned, for every operator.
  const returned = readReturnFile(input.returnFile);
  if (returned.found) rmSync(input.returnFile, { force: true });
  const result: TryResult = { ...outcome, exitCode: outcome.exitCode ?? null };
  if (returned.found) result.returnValue = returned.value;
  // After a cancel or timeout the caller says why; an error of the executor's own is worth a line.
  if (result.state === 'failed' && result.error && !input.signal.aborted) sink.note(`[dagstudio] ${input.masker.mask(result.error)}`);
  return result;
}

/** The task's processes: in a pty, output to the log, process groups on record for crash recovery. */
async function spawnForTask(input: TryInput, file: string, args: readonly string[], options: SpawnOptions): Promise<SpawnResult> {
  let pgid: number | null = null;
  try {
    const result = await spawnInPty(file, args, {
      ...options,
      onData: (text) => input.sink.write(text),
      signal: input.signal,
      ...(input.killGraceMs !== undefined ? { killGraceMs: input.killGraceMs } : {}),
      onStart: (pid) => {
        pgid = pid;
        input.onProcessStart(pid);
      },
    });
    return { ...result, lastLine: input.masker.mask(result.lastLine) };
  } finally {
    if (pgid !== null) input.onProcessEnd(pgid);
  }
}

const lists = new WeakMap<OperatorDefinition, { templated: string[]; secret: Set<string> }>();

/** An operator's templated and secret field names (computed once per operator, not once per try). */
export function fieldLists(definition: OperatorDefinition): { templated: string[]; secret: Set<string> } {
  let found = lists.get(definition);
  if (!found) {
    found = { templated: templatedFields(definition), secret: new Set(secretFields(definition)) };
    lists.set(definition, found);
  }
  return found;
}

/** What the history shows of a try's config: its templated fields as rendered, secrets masked. */
function shownConfig(definition: OperatorDefinition, config: Record<string, unknown>, masker: SecretMasker): Record<string, unknown> {
  const { templated, secret } = fieldLists(definition);
  const out: Record<string, unknown> = {};
  for (const key of templated) {
    if (config[key] === undefined) continue;
    out[key] = secret.has(key) ? '***' : masker.maskDeep(config[key]);
  }
  return out;
}
