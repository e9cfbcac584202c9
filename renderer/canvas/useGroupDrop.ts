import type { OnNodeDrag, ReactFlowInstance } from '@xyflow/react';
import { useCallback, useRef, type RefObject } from 'react';
import { dropTargets, membershipAfterDrag, type Point } from '../graph/dropTarget';
import { isGroupNodeId, type FlowModel, type FlowNode } from '../graph/flowModel';
import { editor } from '../store/editor';
import type { FlowEdge } from './flowTypes';

/** Where a node drag began: the pointer (flow coordinates), the groups drawn then, and the drag's undo key. */
interface DragStart {
  point: Point;
  flow: FlowModel;
  key: string;
}

/* d3-drag hands the raw event over: a mouse event, or a touch event whose finger is in changedTouches. */
function clientPoint(event: MouseEvent | TouchEvent): Point | null {
  if ('changedTouches' in event) {
    const touch = event.changedTouches[0];
    return touch ? { x: touch.clientX, y: touch.clientY } : null;
  }
  return { x: event.clientX, y: event.clientY };
}

function describeMove(taskIds: readonly string[], group: string | undefined, label: string | undefined): string {
  const what = taskIds.length === 1 ? taskIds[0]! : `${taskIds.length} tasks`;
  if (group === undefined) return `Moved ${what} out of ${taskIds.length === 1 ? 'its group' : 'their groups'}.`;
  return `Moved ${what} into group ${label ?? group}.`;
}

/**
 * Dropping dragged tasks onto a group's frame (or a collapsed group) puts them in it; dropping them on empty
 * canvas takes them out. Only the start is noted while dragging (the groups as drawn then: a dragged task's own
 * frame follows it as it moves); membership is worked out once, when the drag ends — never on a drag's frames.
 * `dragKey` is the undo key the drag's moves are recorded under, so the move and the regrouping undo as one step.
 */
export function useGroupDrop(
  instance: ReactFlowInstance<FlowNode, FlowEdge>,
  flowRef: RefObject<FlowModel>,
  dragKey: () => string,
): { onNodeDragStart: OnNodeDrag<FlowNode>; onNodeDragStop: OnNodeDrag<FlowNode> } {
  const start = useRef<DragStart | null>(null);
  const flowPoint = useCallback(
    (event: MouseEvent | TouchEvent): Point | null => {
      const client = clientPoint(event);
      return client ? instance.screenToFlowPosition(client, { snapToGrid: false }) : null;
    },
    [instance],
  );

  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback(
    (event) => {
      const point = flowPoint(event);
      start.current = point ? { point, flow: flowRef.current, key: dragKey() } : null;
    },
    [flowPoint, flowRef, dragKey],
  );

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(
    (event, _node, nodes) => {
      const begun = start.current;
      start.current = null;
      const end = flowPoint(event);
      // Dragging a group frame moves it; it does not re-parent the group.
      if (!begun || !end || nodes.some((n) => isGroupNodeId(n.id))) return;
      const state = editor();
      const dragged = nodes.flatMap((n) => {
        const task = state.tasksById.get(n.id);
        return task ? [{ id: task.id, group: task.group }] : [];
      });
      const change = membershipAfterDrag(dragged, begun.point, end, dropTargets(begun.flow.nodes));
      if (!change) return;
      if (!state.edit({ type: 'set-groups', taskIds: change.taskIds, group: change.group }, { key: begun.key, windowMs: Infinity })) return;
      const label = state.doc.groups.find((g) => g.id === change.group)?.label;
      state.notify('info', describeMove(change.taskIds, change.group, label));
    },
    [flowPoint],
  );

  return { onNodeDragStart, onNodeDragStop };
}
