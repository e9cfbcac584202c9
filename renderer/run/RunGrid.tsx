import { useEffect, useMemo } from 'react';
import { editor, useEditor } from '../store/editor';
import { STATE_LABEL } from '../ui/operatorLook';
import { gridOf } from './grid';
import { GRID_RUNS, refreshHistory, useHistory } from './history';
import { useLiveRun } from './liveRun';
import { formatStart } from './progress';
import { openRun } from './runFlow';
import { panel } from './runPanel';

/** Opens a task's log in a run of the history: the run goes on screen, the task is selected, the Log tab shows. */
async function openCell(runId: string, taskId: string, tryNumber: number): Promise<void> {
  if (!(await openRun(runId))) return;
  if (editor().tasksById.has(taskId)) editor().select({ tasks: [taskId] });
  panel.showLog(taskId, tryNumber > 0 ? tryNumber : null);
  panel.show('log');
}

/** The Grid tab (Airflow's grid view): runs as columns, tasks as rows, each cell a task instance. */
export function RunGrid() {
  const dagId = useEditor((s) => s.doc.id);
  const tasks = useEditor((s) => s.doc.tasks);
  const runs = useHistory((s) => (s.dagId === dagId ? s.runs : null));
  const stored = useHistory((s) => s.records);
  // The run on screen is more current than its stored record while it is live.
  const live = useLiveRun((s) => s.record);
  const records = useMemo(() => (live && stored.has(live.run_id) ? new Map(stored).set(live.run_id, live) : stored), [stored, live]);
  const onScreen = useLiveRun((s) => s.record?.run_id ?? null);
  useEffect(() => {
    void refreshHistory(dagId, true);
  }, [dagId]);
  const model = useMemo(
    () =>
      gridOf(
        (runs ?? []).slice(0, GRID_RUNS),
        records,
        tasks.map((t) => t.id),
      ),
    [runs, records, tasks],
  );
  if (runs && runs.length === 0) return <p className="run-empty">No runs of this pipeline yet.</p>;
  return (
    <div className="run-grid-wrap">
      <table className="run-grid" data-testid="run-grid">
        <thead>
          <tr>
            <th scope="col" className="run-grid-task">
              Task
            </th>
            {model.runs.map((run) => (
              <th key={run.run_id} scope="col" className={run.run_id === onScreen ? 'is-current' : undefined}>
                <button
                  type="button"
                  className={`run-grid-run run-${run.state}`}
                  title={`${run.run_id}\n${run.state}, started ${formatStart(run.start)}`}
                  aria-label={`Run ${run.run_id}, ${run.state}`}
                  onClick={() => void openRun(run.run_id)}
                  data-testid={`grid-run-${run.run_id}`}
                  data-state={run.state}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.taskIds.map((taskId, row) => (
            <tr key={taskId}>
              <th scope="row" className="run-grid-task" title={taskId}>
                {taskId}
              </th>
              {model.cells[row]!.map((cell, col) => {
                const run = model.runs[col]!;
                const state = cell?.state ?? 'none';
                return (
                  <td key={run.run_id} className={run.run_id === onScreen ? 'is-current' : undefined}>
                    <button
                      type="button"
                      className={`run-grid-cell state-${state}`}
                      aria-label={`${taskId} in ${run.run_id}: ${state === 'none' ? 'no state' : STATE_LABEL[state]}${cell && cell.tryNumber > 1 ? `, try ${cell.tryNumber}` : ''}`}
                      title={`${taskId} · ${state === 'none' ? 'no state' : STATE_LABEL[state]}${cell && cell.tryNumber > 1 ? ` · try ${cell.tryNumber}` : ''}\n${run.run_id}`}
                      disabled={!cell}
                      onClick={() => void openCell(run.run_id, taskId, cell?.tryNumber ?? 0)}
                      data-testid={`grid-cell-${run.run_id}-${taskId}`}
                      data-state={state}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
