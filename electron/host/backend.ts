import type { RunEvent, RunRecord, RunSummary } from '../../shared/api';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Connection, Variable } from '../../shared/settings';

/**
 * The host's view of the runner and the settings store (electron/runner, electron/store): the few calls the
 * handlers make, so the handlers read the same whichever way those modules grow.
 */

export interface StartRun {
  pipeline: Pipeline;
  /** The pipeline file (its folder is the tasks' working directory); null for an unsaved pipeline. */
  pipelinePath: string | null;
  params: Record<string, unknown>;
  vars: Record<string, string>;
  parallelism: number | null;
  tasks: string[] | null;
  /** Tasks outside `tasks` take their return values from this earlier run ("run from here"). */
  reuseRunId: string | null;
}

export interface LogSlice {
  text: string;
  start: number;
  end: number;
  size: number;
}

export interface HostRunner {
  start(run: StartRun): Promise<string>;
  cancel(runId: string): Promise<boolean>;
  retryTask(runId: string, taskId: string): Promise<void>;
  clearTask(runId: string, taskId: string, downstream: boolean): Promise<void>;
  listRuns(filter: { dagId?: string; active?: boolean; limit?: number }): Promise<RunSummary[]>;
  getRun(runId: string): Promise<RunRecord | null>;
  readLog(runId: string, taskId: string, tryNumber: number, range: { start: number; end?: number }): Promise<LogSlice>;
  subscribe(listener: (event: RunEvent) => void): () => void;
  /** Cancels every active run and waits for them to end. */
  cancelAll(): Promise<void>;
  close(): Promise<void>;
}

export interface HostSettings {
  listVariables(): Promise<Variable[]>;
  setVariable(variable: Variable): Promise<void>;
  deleteVariable(name: string): Promise<boolean>;
  listConnections(): Promise<Connection[]>;
  setConnection(connection: Connection): Promise<void>;
  deleteConnection(name: string): Promise<boolean>;
  /** Files that hold secrets: the path guard keeps them out of reach of pipelines.open and friends. */
  files(): string[];
}
