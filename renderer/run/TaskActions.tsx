import { Icon } from '../ui/icons';
import { useLiveRun } from './liveRun';
import { TASK_ACTIONS } from './taskActionList';
import { taskActionStates } from './taskScope';

/** A task's run actions as buttons (the log panel's header). */
export function TaskActions({ taskId }: { taskId: string }) {
  const record = useLiveRun((s) => s.record);
  const states = taskActionStates(record, taskId);
  return (
    <div className="run-task-actions" aria-label={`Run actions of ${taskId}`} role="group">
      {TASK_ACTIONS.map((action) => {
        const state = states[action.id];
        return (
          <button
            key={action.id}
            type="button"
            className="button small"
            disabled={!state.enabled}
            title={state.enabled ? `${action.label}: ${taskId}` : state.reason}
            onClick={() => void action.run(taskId)}
            data-testid={`task-action-${action.id}`}
          >
            <Icon name={action.icon} size={14} />
            {action.label}
          </button>
        );
      })}
    </div>
  );
}
