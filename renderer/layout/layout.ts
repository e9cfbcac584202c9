import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Position } from '../store/changes';
import { taskSize } from '../graph/flowModel';
import { GROUP_HEADER, GROUP_PADDING, snap } from '../graph/geometry';

/** What auto layout needs of ELK (the worker-backed instance in the app, the bundled one in tests). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.edgeNodeBetweenLayers': '24',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '56',
};

const GROUP_OPTIONS = {
  'elk.padding': `[top=${GROUP_PADDING + GROUP_HEADER + 8},left=${GROUP_PADDING + 4},bottom=${GROUP_PADDING + 4},right=${GROUP_PADDING + 4}]`,
};

const groupElkId = (id: string): string => `group:${id}`;

/** The pipeline as an ELK graph: groups become compound nodes holding their tasks and sub-groups. */
export function toElkGraph(doc: Pipeline, measured: ReadonlyMap<string, { width: number; height: number }>): ElkNode {
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  const groupNodes = new Map<string, ElkNode>();
  for (const g of doc.groups) groupNodes.set(g.id, { id: groupElkId(g.id), layoutOptions: GROUP_OPTIONS, children: [] });
  const container = (groupId: string | undefined): ElkNode => (groupId !== undefined ? (groupNodes.get(groupId) ?? root) : root);
  for (const g of doc.groups) container(g.parent === g.id ? undefined : g.parent).children!.push(groupNodes.get(g.id)!);
  for (const task of doc.tasks) {
    const size = taskSize(task, measured.get(task.id));
    container(task.group).children!.push({ id: task.id, width: size.width, height: size.height });
  }
  // Empty groups would become empty boxes in the layout; leave them out.
  const prune = (node: ElkNode): boolean => {
    if (!node.id.startsWith('group:')) return true;
    node.children = node.children!.filter(prune);
    return node.children.length > 0;
  };
  root.children = root.children!.filter(prune);
  const ids = new Set(doc.tasks.map((t) => t.id));
  root.edges = doc.edges
    .filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to)
    .map((e, i): ElkExtendedEdge => ({ id: `e${i}`, sources: [e.from], targets: [e.to] }));
  return root;
}

/**
 * Reads absolute task positions out of ELK's result (children are relative to their parent), snapped
 * to the grid and shifted so the graph keeps its top-left corner where it was.
 */
export function positionsFromElk(doc: Pipeline, result: ElkNode): Record<string, Position> {
  const raw: Record<string, Position> = {};
  const walk = (node: ElkNode, dx: number, dy: number): void => {
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      if (child.id.startsWith('group:')) walk(child, x, y);
      else raw[child.id] = { x, y };
    }
  };
  walk(result, 0, 0);
  const ids = Object.keys(raw);
  if (ids.length === 0) return {};
  const before = boundsTopLeft(doc.tasks.map((t) => t.position));
  const after = boundsTopLeft(ids.map((id) => raw[id]!));
  const out: Record<string, Position> = {};
  for (const id of ids) out[id] = { x: snap(raw[id]!.x - after.x + before.x), y: snap(raw[id]!.y - after.y + before.y) };
  return out;
}

function boundsTopLeft(points: readonly Position[]): Position {
  let x = Infinity;
  let y = Infinity;
  for (const p of points) {
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
  }
  return Number.isFinite(x) ? { x, y } : { x: 0, y: 0 };
}

export async function layoutPipeline(elk: ElkLike, doc: Pipeline, measured: ReadonlyMap<string, { width: number; height: number }>): Promise<Record<string, Position>> {
  if (doc.tasks.length === 0) return {};
  const result = await elk.layout(toElkGraph(doc, measured));
  return positionsFromElk(doc, result);
}
