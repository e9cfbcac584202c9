import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { editor } from '../store/editor';
import { Icon } from '../ui/icons';
import type { GroupFlowNode } from '../graph/flowModel';

/**
 * A task group: a frame drawn around its members (dragging the frame moves them all), or, when
 * collapsed, one compact node that stands for them and carries their edges.
 */
function GroupNodeView({ data, selected }: NodeProps<GroupFlowNode>) {
  const { groupId, label, collapsed, count } = data;
  const toggle = (event: React.MouseEvent) => {
    event.stopPropagation();
    editor().toggleCollapsed(groupId);
  };
  return (
    <div
      className={`group-node${collapsed ? ' is-collapsed' : ''}${selected ? ' is-selected' : ''}`}
      data-testid={`group-${groupId}`}
      data-collapsed={collapsed}
      aria-label={`Group ${label}, ${count} task${count === 1 ? '' : 's'}${collapsed ? ', collapsed' : ''}`}
    >
      {collapsed ? <Handle type="target" position={Position.Left} isConnectable={false} className="task-handle" /> : null}
      <div className="group-header">
        <button
          type="button"
          className="group-toggle nodrag"
          onClick={toggle}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} group ${label}`}
          aria-expanded={!collapsed}
        >
          <Icon name={collapsed ? 'chevron' : 'chevron-down'} size={14} />
        </button>
        <Icon name="group" size={14} className="group-icon" />
        <span className="group-label">{label}</span>
        <span className="group-count">{count}</span>
      </div>
      {collapsed ? <Handle type="source" position={Position.Right} isConnectable={false} className="task-handle" /> : null}
    </div>
  );
}

export const GroupNode = memo(GroupNodeView);
