import { STATE_LABEL } from '../ui/operatorLook';
import { useEditor } from '../store/editor';
import { useLiveRun } from './liveRun';
import { LogView } from './LogView';
import { panel, useRunPanel } from './runPanel';
import { TaskActions } from './TaskActions';

/** The Log tab: the chosen task's actions, a tab per try, and the try's log. */
export function LogPanel() {
  const taskId = useRunPanel((s) => s.logTask);
  const pickedTry = useRunPanel((s) => s.logTry);
  const exists = useEditor((s) => (taskId ? s.tasksById.has(taskId) : false));
  const runId = useLiveRun((s) => s.record?.run_id ?? null);
  const dagId = useLiveRun((s) => s.record?.dag_id ?? '');
  const instance = useLiveRun((s) => (taskId ? s.record?.tasks[taskId] : undefined));

  if (!taskId) {
    return <p className="run-empty">Select a task on the canvas to see its log and its run actions.</p>;
  }
  const tries = instance?.tries.map((t) => t.try_number) ?? [];
  const newest = tries.length ? Math.max(...tries) : null;
  const shown = pickedTry !== null && tries.includes(pickedTry) ? pickedTry : newest;
  const state = instance?.state ?? 'none';

  return (
    <div className="log-panel">
      <div className="log-panel-head">
        <span className="log-task" data-state={state}>
          <strong>{taskId}</strong>
          {state !== 'none' ? <span className={`run-state-chip state-${state}`}>{STATE_LABEL[state]}</span> : null}
          {instance?.error ? (
            <span className="log-task-error" title={instance.error}>
              {instance.error}
            </span>
          ) : null}
        </span>
        {tries.length > 0 ? (
          <div className="log-tries" role="tablist" aria-label={`Tries of ${taskId}`}>
            {tries.map((n) => (
              <button
                key={n}
                type="button"
                role="tab"
                className="tab"
                aria-selected={n === shown}
                onClick={() => panel.pickTry(n === newest ? null : n)}
                data-testid={`log-try-${n}`}
              >
                Try {n}
              </button>
            ))}
          </div>
        ) : null}
        <span className="run-spacer" />
        {exists ? <TaskActions taskId={taskId} /> : null}
      </div>
      {runId && shown !== null ? (
        <LogView key={`${runId}/${taskId}/${shown}`} target={{ runId, taskId, tryNumber: shown }} dagId={dagId} />
      ) : (
        <p className="run-empty" data-testid={`log-${taskId}-empty`}>
          {!runId
            ? 'No run on screen: press Run, or open a run from the Runs tab.'
            : state === 'none' || state === 'queued' || state === 'scheduled'
              ? `${taskId} has not started in this run.`
              : `${taskId} did not run in this run (${STATE_LABEL[state]}).`}
        </p>
      )}
    </div>
  );
}
