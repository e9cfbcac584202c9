import type { Edge, Pipeline, Task } from '../../shared/pipeline/schema';
import { copyBase, uniqueId } from './ids';

/** What Copy keeps: the tasks and the edges between them (edges to tasks left behind are dropped). */
export interface ClipboardContent {
  tasks: Task[];
  edges: Edge[];
}

export function copySelection(doc: Pipeline, taskIds: ReadonlySet<string>): ClipboardContent | null {
  const tasks = doc.tasks.filter((t) => taskIds.has(t.id));
  if (tasks.length === 0) return null;
  const edges = doc.edges.filter((e) => taskIds.has(e.from) && taskIds.has(e.to));
  return { tasks, edges };
}

/**
 * Prepares a paste: ids made unique against the document, internal edges rewired to the new ids,
 * positions shifted so the copy does not hide the original, and groups that do not exist dropped.
 */
export function preparePaste(doc: Pipeline, content: ClipboardContent, offset: { x: number; y: number }): ClipboardContent & { idMap: Map<string, string> } {
  const taken = new Set(doc.tasks.map((t) => t.id));
  const groups = new Set(doc.groups.map((g) => g.id));
  const idMap = new Map<string, string>();
  const tasks = content.tasks.map((task) => {
    const id = uniqueId(copyBase(task.id), taken);
    taken.add(id);
    idMap.set(task.id, id);
    const copy: Task = { ...task, id, config: structuredClone(task.config), position: { x: task.position.x + offset.x, y: task.position.y + offset.y } };
    if (copy.group !== undefined && !groups.has(copy.group)) delete copy.group;
    return copy;
  });
  const edges = content.edges.flatMap((e) => {
    const from = idMap.get(e.from);
    const to = idMap.get(e.to);
    return from && to ? [{ from, to }] : [];
  });
  return { tasks, edges, idMap };
}
