import { Position, type Edge as FlowEdge, type Node, type NodeHandle } from '@xyflow/react';
import type { Group, Pipeline, Task } from '../../shared/pipeline/schema';
import { edgeKey } from '../store/changes';
import { COLLAPSED_HEIGHT, COLLAPSED_WIDTH, GROUP_HEADER, GROUP_PADDING, HANDLE_SIZE, HANDLE_Y, NOTE_EXTRA_HEIGHT, TASK_HEIGHT, TASK_WIDTH } from './geometry';

/*
 * The document is the source of truth; React Flow's nodes and edges are derived from it. Derivation
 * reuses the previous node object whenever its inputs are unchanged, so React Flow (which compares
 * nodes by reference) and the memoised node components only do work for what actually changed —
 * dragging one node of 2,000 touches one node.
 */

export interface GroupNodeData extends Record<string, unknown> {
  groupId: string;
  label: string;
  collapsed: boolean;
  /** Tasks inside, at any depth. */
  count: number;
  depth: number;
}

export type TaskFlowNode = Node<Record<string, never>, 'task'>;
export type GroupFlowNode = Node<GroupNodeData, 'group'>;
export type FlowNode = TaskFlowNode | GroupFlowNode;

export interface FlowView {
  selectedTasks: ReadonlySet<string>;
  selectedGroups: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  collapsedGroups: ReadonlySet<string>;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  /**
   * Group frames to draw instead of computing them from the members: while tasks are dragged their
   * groups stay as they were (redrawn when the drag ends). A frame that followed the dragged task would
   * hide whether the drop lands in or out of it, and resizing it at every frame cost the drag its frame rate.
   */
  frozenFrames?: Map<string, Rect> | null;
}

export interface FlowModel {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Group frame rectangles by group id (also used to move a group's members when its frame is dragged). */
  frames: Map<string, Rect>;
  /** For each visible edge id, the document edges it stands for (several when a collapsed group hides them). */
  edgeSources: Map<string, { from: string; to: string }[]>;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const GROUP_PREFIX = 'group:';
export const groupNodeId = (groupId: string): string => GROUP_PREFIX + groupId;
export const isGroupNodeId = (id: string): boolean => id.startsWith(GROUP_PREFIX);
export const groupIdOf = (nodeId: string): string => nodeId.slice(GROUP_PREFIX.length);

const EMPTY_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

/*
 * Every node comes with its size and handle positions (fixed by the stylesheet), so React Flow can
 * draw edges to tasks it never rendered and need not render all 2,000 tasks once just to measure them
 * before it can tell which are on screen. A measured size, when React Flow reports one, wins.
 */
function handlesFor(width: number): NodeHandle[] {
  const half = HANDLE_SIZE / 2;
  return [
    { id: null, type: 'target', position: Position.Left, x: -half, y: HANDLE_Y - half, width: HANDLE_SIZE, height: HANDLE_SIZE },
    { id: null, type: 'source', position: Position.Right, x: width - half, y: HANDLE_Y - half, width: HANDLE_SIZE, height: HANDLE_SIZE },
  ];
}
const TASK_HANDLES = handlesFor(TASK_WIDTH);
const COLLAPSED_HANDLES = handlesFor(COLLAPSED_WIDTH);

interface CachedTask {
  /** The derivation that last used this entry; entries left behind belong to deleted tasks. */
  generation: number;
  task: Task;
  selected: boolean;
  measured: { width: number; height: number } | undefined;
  node: TaskFlowNode;
}

interface CachedEdge {
  selected: boolean;
  edge: FlowEdge;
}

/** Keeps the last derived objects between calls; one per canvas. */
export class FlowCache {
  tasks = new Map<string, CachedTask>();
  edges = new Map<string, CachedEdge>();
  groups = new Map<string, GroupFlowNode>();
  /* The last edge list: handed out again when no edge changed, because React Flow rebuilds its whole
     connection index (every edge) each time it receives a new edges array — on every frame of a drag. */
  edgeList: FlowEdge[] = [];
  generation = 0;
  /* The inputs of the last edge derivation: a drag changes none of them, so its frames skip the edge loop. */
  edgeInputs: { edges: Pipeline['edges']; selectedEdges: ReadonlySet<string>; model: Pick<FlowModel, 'edges' | 'edgeSources'> } | null = null;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function taskSize(task: Task, measured: { width: number; height: number } | undefined): { width: number; height: number } {
  if (measured) return measured;
  return { width: TASK_WIDTH, height: TASK_HEIGHT + (task.note ? NOTE_EXTRA_HEIGHT : 0) };
}

/** For each group, the outermost collapsed group containing it (itself included), if any. */
export function collapsedRoots(groups: readonly Group[], collapsed: ReadonlySet<string>): Map<string, string> {
  const parent = new Map(groups.map((g) => [g.id, g.parent]));
  const out = new Map<string, string>();
  for (const g of groups) {
    let root: string | undefined;
    const seen = new Set<string>();
    for (let at: string | undefined = g.id; at !== undefined && !seen.has(at); at = parent.get(at)) {
      seen.add(at);
      if (collapsed.has(at)) root = at;
    }
    if (root !== undefined) out.set(g.id, root);
  }
  return out;
}

/** Frames of every group: the box around its tasks and sub-groups, with room for the header. */
export function groupFrames(doc: Pipeline, measured: FlowView['measured']): Map<string, Rect> {
  const boxes = new Map<string, { minX: number; minY: number; maxX: number; maxY: number }>();
  const grow = (groupId: string, minX: number, minY: number, maxX: number, maxY: number): void => {
    const box = boxes.get(groupId);
    if (!box) boxes.set(groupId, { minX, minY, maxX, maxY });
    else {
      box.minX = Math.min(box.minX, minX);
      box.minY = Math.min(box.minY, minY);
      box.maxX = Math.max(box.maxX, maxX);
      box.maxY = Math.max(box.maxY, maxY);
    }
  };
  for (const task of doc.tasks) {
    if (task.group === undefined) continue;
    const size = taskSize(task, measured.get(task.id));
    grow(task.group, task.position.x, task.position.y, task.position.x + size.width, task.position.y + size.height);
  }
  // Children before parents: a group's frame must include its sub-groups' frames (with their padding).
  const parent = new Map(doc.groups.map((g) => [g.id, g.parent]));
  const depth = groupDepths(doc.groups);
  const deepestFirst = [...doc.groups].sort((a, b) => (depth.get(b.id) ?? 0) - (depth.get(a.id) ?? 0));
  const frames = new Map<string, Rect>();
  for (const g of deepestFirst) {
    const box = boxes.get(g.id);
    if (!box) continue;
    const rect = {
      x: box.minX - GROUP_PADDING,
      y: box.minY - GROUP_PADDING - GROUP_HEADER,
      width: box.maxX - box.minX + 2 * GROUP_PADDING,
      height: box.maxY - box.minY + 2 * GROUP_PADDING + GROUP_HEADER,
    };
    frames.set(g.id, rect);
    const p = parent.get(g.id);
    if (p !== undefined) grow(p, rect.x, rect.y, rect.x + rect.width, rect.y + rect.height);
  }
  return frames;
}

export function groupDepths(groups: readonly Group[]): Map<string, number> {
  const parent = new Map(groups.map((g) => [g.id, g.parent]));
  const out = new Map<string, number>();
  for (const g of groups) {
    let d = 0;
    const seen = new Set<string>();
    for (let at = parent.get(g.id); at !== undefined && !seen.has(at) && d < groups.length; at = parent.get(at)) {
      seen.add(at);
      d++;
    }
    out.set(g.id, d);
  }
  return out;
}

function countMembers(doc: Pipeline): Map<string, number> {
  const parent = new Map(doc.groups.map((g) => [g.id, g.parent]));
  const out = new Map<string, number>();
  const limit = doc.groups.length;
  for (const task of doc.tasks) {
    // Walking up at most `limit` levels also stops a (refused, but possible in a file) cycle of groups.
    let depth = 0;
    for (let at = task.group; at !== undefined && depth <= limit; at = parent.get(at), depth++) out.set(at, (out.get(at) ?? 0) + 1);
  }
  return out;
}

function sameGroupNode(a: GroupFlowNode, b: GroupFlowNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.zIndex === b.zIndex &&
    a.data.label === b.data.label &&
    a.data.collapsed === b.data.collapsed &&
    a.data.count === b.data.count &&
    a.data.depth === b.data.depth
  );
}

export function buildFlow(doc: Pipeline, view: FlowView, cache: FlowCache): FlowModel {
  const roots = collapsedRoots(doc.groups, view.collapsedGroups);
  const frames = view.frozenFrames ?? (doc.groups.length ? groupFrames(doc, view.measured) : new Map<string, Rect>());
  const nodes: FlowNode[] = [];

  if (doc.groups.length) {
    const depths = groupDepths(doc.groups);
    const counts = countMembers(doc);
    const nextGroups = new Map<string, GroupFlowNode>();
    for (const g of doc.groups) {
      const frame = frames.get(g.id);
      const root = roots.get(g.id);
      if (!frame || (root !== undefined && root !== g.id)) continue;
      const collapsed = root === g.id;
      const depth = depths.get(g.id) ?? 0;
      const id = groupNodeId(g.id);
      const candidate: GroupFlowNode = {
        id,
        type: 'group',
        position: { x: frame.x, y: frame.y },
        width: collapsed ? COLLAPSED_WIDTH : frame.width,
        height: collapsed ? COLLAPSED_HEIGHT : frame.height,
        measured: collapsed ? { width: COLLAPSED_WIDTH, height: COLLAPSED_HEIGHT } : { width: frame.width, height: frame.height },
        selected: view.selectedGroups.has(g.id),
        // Frames sit under tasks; deeper frames above shallower ones so each stays clickable.
        zIndex: collapsed ? 0 : -1000 + depth,
        connectable: false,
        ...(collapsed ? { handles: COLLAPSED_HANDLES } : {}),
        data: { groupId: g.id, label: g.label ?? g.id, collapsed, count: counts.get(g.id) ?? 0, depth },
      };
      const previous = cache.groups.get(id);
      const node = previous && sameGroupNode(previous, candidate) ? previous : candidate;
      nextGroups.set(id, node);
      nodes.push(node);
    }
    cache.groups = nextGroups;
  } else cache.groups.clear();

  // The task cache is updated in place (no new 2,000-entry map per frame of a drag).
  const generation = ++cache.generation;
  const hiddenIn = new Map<string, string>();
  for (const task of doc.tasks) {
    const root = task.group !== undefined ? roots.get(task.group) : undefined;
    if (root !== undefined) {
      hiddenIn.set(task.id, root);
      continue;
    }
    const selected = view.selectedTasks.has(task.id);
    const measured = view.measured.get(task.id);
    const previous = cache.tasks.get(task.id);
    if (previous && previous.task === task && previous.selected === selected && previous.measured === measured) {
      previous.generation = generation;
      nodes.push(previous.node);
      continue;
    }
    const node: TaskFlowNode = {
      id: task.id,
      type: 'task',
      position: task.position,
      selected,
      data: EMPTY_DATA,
      measured: taskSize(task, measured),
      handles: TASK_HANDLES,
    };
    cache.tasks.set(task.id, { generation, task, selected, measured, node });
    nodes.push(node);
  }
  if (cache.tasks.size > nodes.length) {
    for (const [id, entry] of cache.tasks) if (entry.generation !== generation) cache.tasks.delete(id);
  }

  // No collapsed group means no edge is rerouted: the edges depend on the edge list and edge selection alone.
  const last = cache.edgeInputs;
  if (hiddenIn.size === 0 && last && last.edges === doc.edges && last.selectedEdges === view.selectedEdges) {
    return { nodes, frames, ...last.model };
  }
  const model = deriveEdges(doc, view, cache, hiddenIn);
  cache.edgeInputs = hiddenIn.size === 0 ? { edges: doc.edges, selectedEdges: view.selectedEdges, model } : null;
  return { nodes, frames, ...model };
}

function deriveEdges(doc: Pipeline, view: FlowView, cache: FlowCache, hiddenIn: ReadonlyMap<string, string>): Pick<FlowModel, 'edges' | 'edgeSources'> {
  const edges: FlowEdge[] = [];
  const edgeSources = new Map<string, { from: string; to: string }[]>();
  const nextEdges = new Map<string, CachedEdge>();
  for (const e of doc.edges) {
    const fromRoot = hiddenIn.get(e.from);
    const toRoot = hiddenIn.get(e.to);
    const source = fromRoot !== undefined ? groupNodeId(fromRoot) : e.from;
    const target = toRoot !== undefined ? groupNodeId(toRoot) : e.to;
    if (source === target) continue;
    const id = fromRoot === undefined && toRoot === undefined ? edgeKey(e) : `${source}->${target}`;
    const sources = edgeSources.get(id);
    if (sources) {
      sources.push(e);
      continue;
    }
    edgeSources.set(id, [e]);
    const selected = view.selectedEdges.has(id);
    const previous = cache.edges.get(id);
    let entry: CachedEdge;
    if (previous && previous.selected === selected && previous.edge.source === source && previous.edge.target === target) entry = previous;
    else entry = { selected, edge: { id, source, target, selected } };
    nextEdges.set(id, entry);
    edges.push(entry.edge);
  }
  cache.edges = nextEdges;
  if (sameItems(edges, cache.edgeList)) return { edges: cache.edgeList, edgeSources };
  cache.edgeList = edges;
  return { edges, edgeSources };
}
