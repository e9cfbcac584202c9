import type { RunRecord, RunSummary, TaskState } from '../../shared/api/runs';

/** Airflow's grid view: a column per run (oldest on the left), a row per task, each cell a task instance's state. */

export interface GridCell {
  state: TaskState;
  tryNumber: number;
}

export interface GridModel {
  runs: RunSummary[];
  taskIds: string[];
  /** cells[row][column]; null where the run has no such task (the pipeline changed since). */
  cells: (GridCell | null)[][];
}

/**
 * `runs` newest first (as `runs.list` returns them); `records` holds the full records fetched so far (a run
 * without one shows empty cells until it arrives). Tasks of the current pipeline come first in its order,
 * then tasks that only old runs had.
 */
export function gridOf(runs: readonly RunSummary[], records: ReadonlyMap<string, RunRecord>, taskOrder: readonly string[]): GridModel {
  const columns = [...runs].reverse();
  const known = new Set(taskOrder);
  const extra: string[] = [];
  for (const run of columns) {
    for (const id of Object.keys(records.get(run.run_id)?.tasks ?? {})) {
      if (!known.has(id)) {
        known.add(id);
        extra.push(id);
      }
    }
  }
  const taskIds = [...taskOrder, ...extra];
  const cells = taskIds.map((id) =>
    columns.map((run) => {
      const record = records.get(run.run_id);
      const ti = record?.tasks[id];
      return ti ? { state: ti.state, tryNumber: ti.try_number } : null;
    }),
  );
  return { runs: columns, taskIds, cells };
}
