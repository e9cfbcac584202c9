import type { FlowNode, Rect } from './flowModel';

/*
 * Which group a drop lands in. The targets are the group nodes the canvas draws (expanded frames and
 * collapsed groups), so what the user sees under the pointer is what the drop means; groups hidden
 * inside a collapsed group draw nothing and take no drops. All of this runs once when a drag ends,
 * never while it moves.
 */

export interface Point {
  x: number;
  y: number;
}

/** A group as drawn: its rectangle and its stacking layer (a higher layer is drawn over a lower one). */
export interface DropTarget {
  groupId: string;
  rect: Rect;
  layer: number;
}

/** The drop targets among a flow's nodes, in drawing order. */
export function dropTargets(nodes: readonly FlowNode[]): DropTarget[] {
  const out: DropTarget[] = [];
  for (const node of nodes) {
    if (node.type !== 'group') continue;
    const { width = 0, height = 0 } = node.measured ?? {};
    out.push({ groupId: node.data.groupId, rect: { x: node.position.x, y: node.position.y, width, height }, layer: node.zIndex ?? 0 });
  }
  return out;
}

const contains = (rect: Rect, p: Point): boolean => p.x >= rect.x && p.x <= rect.x + rect.width && p.y >= rect.y && p.y <= rect.y + rect.height;

/**
 * The group under a point: the topmost target containing it (a collapsed group over frames, an inner
 * frame over its outer one, a later sibling over an earlier one), or undefined over empty canvas.
 */
export function groupAt(point: Point, targets: readonly DropTarget[]): string | undefined {
  let best: DropTarget | undefined;
  for (const target of targets) {
    if (contains(target.rect, point) && (!best || target.layer >= best.layer)) best = target;
  }
  return best?.groupId;
}

export interface MembershipChange {
  taskIds: string[];
  /** The group the tasks go into; undefined takes them out to the top level. */
  group: string | undefined;
}

/**
 * What a finished drag of tasks does to their groups. Only a drag whose pointer crossed from one group
 * area into another (or out to empty canvas) changes membership: moving tasks about inside the area they
 * started in never does, so nudging a task that merely overlaps a frame does not pull it in. Every dragged
 * task then goes into the group under the pointer at the drop.
 * `targets` are the ones drawn when the drag started (the dragged tasks' own frames follow them while they move).
 */
export function membershipAfterDrag(
  dragged: readonly { id: string; group: string | undefined }[],
  start: Point,
  end: Point,
  targets: readonly DropTarget[],
): MembershipChange | null {
  const from = groupAt(start, targets);
  const to = groupAt(end, targets);
  if (from === to) return null;
  const taskIds = dragged.filter((t) => t.group !== to).map((t) => t.id);
  return taskIds.length ? { taskIds, group: to } : null;
}
