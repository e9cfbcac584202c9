import type { Connection } from '../shared/settings';
import type { TaskState } from '../shared/api/runs';

/**
 * The contract between the runner and an operator's `execute.ts` (Node only).
 * The runner owns processes, logs, masking, retries and timeouts; an executor only does its operator's work.
 */

export interface SpawnOptions {
  cwd: string;
  env: Record<string, string>;
  /** Text written to the process's stdin after it starts (then stdin is closed), e.g. inline Python code. */
  input?: string;
}

export interface SpawnResult {
  exitCode: number | null;
  signal: number | string | null;
  /** Everything the process printed, as written to the log (already masked); the last line is the bash/python return value. */
  lastLine: string;
}

export interface TaskRunContext {
  runId: string;
  dagId: string;
  taskId: string;
  tryNumber: number;
  /** The task's config after templating (templated fields rendered, defaults applied). */
  config: Record<string, unknown>;
  /** Base environment of the task: process env + DAGSTUDIO_RUN_ID, DAGSTUDIO_TASK_ID, DAGSTUDIO_TRY_NUMBER, DAGSTUDIO_RETURN_FILE. */
  env: Record<string, string>;
  /** Default working directory: the folder of the pipeline file (or the process cwd for an unsaved one). */
  cwd: string;
  /** Path of the file a task may write its JSON return value to. */
  returnFile: string;
  /** Appends text to the task's log (the runner masks secrets and streams it). End lines with "\n". */
  log: (text: string) => void;
  /** Aborted on cancel or timeout; executors that call remote APIs must stop their remote work when it fires. */
  signal: AbortSignal;
  /** Runs a command in a pseudo-terminal in its own process group; output goes to the log. Killed with the task. */
  spawn: (file: string, args: readonly string[], options: SpawnOptions) => Promise<SpawnResult>;
  /** Looks up a stored connection by name; throws a clear error when it does not exist. */
  connection: (name: string) => Connection;
  /** States of every task in this run so far (for notify-on-error messages). */
  taskStates: () => Record<string, TaskState>;
  /** Shows a desktop notification in the app, or prints it under the CLI. */
  notify: (title: string, body: string) => void;
  /** Data folder of this run, for files an operator wants to keep. */
  dataDir: string;
}

export interface TaskOutcome {
  state: 'success' | 'failed' | 'skipped';
  exitCode?: number | null;
  /** The XCom return value. */
  returnValue?: unknown;
  /** One clear line for the log when the task failed. */
  error?: string;
}

/** An executor either returns its outcome or throws an Error whose message is one clear line for the log. */
export type Executor = (context: TaskRunContext) => Promise<TaskOutcome>;
