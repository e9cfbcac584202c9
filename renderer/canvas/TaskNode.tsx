import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { getOperator } from '../../operators/index';
import { useTaskProblemCount } from '../validation/useProblems';
import { useTaskRunState, useTaskTryNumber } from '../store/runs';
import { useTask } from '../store/useTask';
import { TaskDuration } from '../run/TaskDuration';
import { Icon } from '../ui/icons';
import { CATEGORY_ACCENT, STATE_LABEL } from '../ui/operatorLook';
import type { TaskFlowNode } from '../graph/flowModel';

/*
 * One task on the canvas. It reads its own task, run state and problem count through per-id
 * selectors, so an edit or a run event re-renders this node alone, never its 1,999 neighbours.
 */
function TaskNodeView({ id, selected }: NodeProps<TaskFlowNode>) {
  const task = useTask(id);
  const state = useTaskRunState(id);
  const tryNumber = useTaskTryNumber(id);
  const problems = useTaskProblemCount(id);
  if (!task) return null;
  const operator = getOperator(task.operator);
  const accent = operator ? CATEGORY_ACCENT[operator.category] : 'var(--danger)';
  return (
    <div
      className={`task-node${selected ? ' is-selected' : ''}`}
      data-testid={`task-${id}`}
      data-state={state}
      style={{ ['--accent' as string]: accent }}
      aria-label={`Task ${id}, ${operator?.label ?? task.operator}${state !== 'none' ? `, ${STATE_LABEL[state]}` : ''}`}
    >
      <Handle type="target" position={Position.Left} className="task-handle" aria-label={`Input of ${id}`} />
      <div className="task-card">
        <div className="task-icon" aria-hidden>
          <Icon name={operator?.icon ?? 'box'} size={18} />
        </div>
        <div className="task-text">
          <div className="task-id" title={id}>
            {id}
          </div>
          <div className="task-operator">{operator?.label ?? `unknown operator "${task.operator}"`}</div>
        </div>
        {problems > 0 ? (
          <span className="task-problems" title={`${problems} problem${problems === 1 ? '' : 's'}`} aria-label={`${problems} problems`}>
            <Icon name="warning" size={14} />
          </span>
        ) : null}
        {state !== 'none' ? (
          <span className={`state-badge state-${state}`} data-testid={`state-${id}`}>
            {state === 'running' ? <span className="spinner" aria-hidden /> : null}
            {STATE_LABEL[state]}
            {tryNumber > 1 ? <span className="try-number"> · try {tryNumber}</span> : null}
          </span>
        ) : null}
        <TaskDuration id={id} />
      </div>
      {task.note ? (
        <div className="task-note" data-testid={`note-${id}`}>
          {task.note}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} className="task-handle" aria-label={`Output of ${id}`} />
    </div>
  );
}

export const TaskNode = memo(TaskNodeView);
