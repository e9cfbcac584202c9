import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Position } from '../store/changes';
import type { Dimensions } from '../store/initialState';
import { groupIdOf, isGroupNodeId, type FlowNode, type Rect } from '../graph/flowModel';

/** What a batch of React Flow node changes means for the document and the view. */
export interface NodeChangeEffects {
  positions: Record<string, Position>;
  /** True when a drag gesture ended in this batch. */
  dragEnded: boolean;
  select: { kind: 'tasks' | 'groups'; id: string; selected: boolean }[];
  measured: [string, Dimensions][];
}

/**
 * Translates React Flow's node changes. Dragging a group frame moves every task inside it by the
 * same offset (tasks that are also being dragged themselves move once, not twice).
 */
export function interpretNodeChanges(changes: readonly NodeChange<FlowNode>[], doc: Pipeline, frames: ReadonlyMap<string, Rect>): NodeChangeEffects {
  const effects: NodeChangeEffects = { positions: {}, dragEnded: false, select: [], measured: [] };
  const groupMoves: { groupId: string; dx: number; dy: number }[] = [];
  for (const change of changes) {
    switch (change.type) {
      case 'position': {
        if (change.dragging === false) effects.dragEnded = true;
        if (!change.position) break;
        if (isGroupNodeId(change.id)) {
          const groupId = groupIdOf(change.id);
          const frame = frames.get(groupId);
          if (frame) groupMoves.push({ groupId, dx: change.position.x - frame.x, dy: change.position.y - frame.y });
        } else effects.positions[change.id] = { x: change.position.x, y: change.position.y };
        break;
      }
      case 'select':
        effects.select.push(isGroupNodeId(change.id) ? { kind: 'groups', id: groupIdOf(change.id), selected: change.selected } : { kind: 'tasks', id: change.id, selected: change.selected });
        break;
      case 'dimensions':
        if (change.dimensions && !isGroupNodeId(change.id)) effects.measured.push([change.id, { width: change.dimensions.width, height: change.dimensions.height }]);
        break;
      default:
        break;
    }
  }
  if (groupMoves.length) {
    const parent = new Map(doc.groups.map((g) => [g.id, g.parent]));
    for (const move of groupMoves) {
      if (move.dx === 0 && move.dy === 0) continue;
      for (const task of doc.tasks) {
        if (task.id in effects.positions || !isInside(task.group, move.groupId, parent)) continue;
        effects.positions[task.id] = { x: task.position.x + move.dx, y: task.position.y + move.dy };
      }
    }
  }
  return effects;
}

function isInside(group: string | undefined, ancestor: string, parent: ReadonlyMap<string, string | undefined>): boolean {
  for (let g = group, depth = 0; g !== undefined && depth < 1000; g = parent.get(g), depth++) if (g === ancestor) return true;
  return false;
}

export function interpretEdgeSelection(changes: readonly EdgeChange[]): { id: string; selected: boolean }[] {
  const out: { id: string; selected: boolean }[] = [];
  for (const change of changes) if (change.type === 'select') out.push({ id: change.id, selected: change.selected });
  return out;
}
