import type { Edge, Group, Pipeline, Task } from '../../shared/pipeline/schema';

/*
 * Every edit of the document is one typed change object, applied by one pure reducer. The store
 * records the document before each change, so undo/redo covers every edit without a per-change
 * inverse, and structural sharing keeps each history entry as small as the edit itself.
 */

export interface Position {
  x: number;
  y: number;
}

/** Settings of a task other than its config (its id has its own change: renaming rewrites edges). */
export type TaskSettingsPatch = Partial<Pick<Task, 'retries' | 'retry_delay_s' | 'timeout_s' | 'trigger_rule' | 'group' | 'note'>>;

export type PipelineMetaPatch = Partial<Pick<Pipeline, 'id' | 'title' | 'description' | 'schedule' | 'params' | 'defaults'>>;

export type EditorChange =
  | { type: 'add-tasks'; tasks: Task[]; edges?: Edge[] }
  | { type: 'remove'; taskIds: readonly string[]; edges: readonly Edge[]; groupIds?: readonly string[] }
  | { type: 'move-tasks'; positions: Readonly<Record<string, Position>> }
  | { type: 'connect'; edge: Edge }
  | { type: 'set-config'; taskId: string; key: string; value: unknown }
  | { type: 'set-task-settings'; taskId: string; patch: TaskSettingsPatch }
  | { type: 'rename-task'; from: string; to: string }
  | { type: 'set-pipeline'; patch: PipelineMetaPatch }
  | { type: 'create-group'; group: Group; taskIds: readonly string[] }
  | { type: 'rename-group'; groupId: string; label: string }
  | { type: 'ungroup'; groupId: string }
  | { type: 'set-groups'; taskIds: readonly string[]; group: string | undefined };

export const edgeKey = (edge: Edge): string => `${edge.from}->${edge.to}`;

/** Applies one change; returns the same object when nothing changed, so no-op edits never reach the history. */
export function applyChange(doc: Pipeline, change: EditorChange): Pipeline {
  switch (change.type) {
    case 'add-tasks':
      return addTasks(doc, change.tasks, change.edges ?? []);
    case 'remove':
      return remove(doc, change.taskIds, change.edges, change.groupIds ?? []);
    case 'move-tasks':
      return moveTasks(doc, change.positions);
    case 'connect':
      return connect(doc, change.edge);
    case 'set-config':
      return setConfig(doc, change.taskId, change.key, change.value);
    case 'set-task-settings':
      return setTaskSettings(doc, change.taskId, change.patch);
    case 'rename-task':
      return renameTask(doc, change.from, change.to);
    case 'set-pipeline':
      return setPipeline(doc, change.patch);
    case 'create-group':
      return createGroup(doc, change.group, change.taskIds);
    case 'rename-group':
      return renameGroup(doc, change.groupId, change.label);
    case 'ungroup':
      return ungroup(doc, change.groupId);
    case 'set-groups':
      return setGroups(doc, change.taskIds, change.group);
  }
}

function mapTasks(doc: Pipeline, ids: ReadonlySet<string>, update: (task: Task) => Task): Pipeline {
  let changed = false;
  const tasks = doc.tasks.map((task) => {
    if (!ids.has(task.id)) return task;
    const next = update(task);
    if (next !== task) changed = true;
    return next;
  });
  return changed ? { ...doc, tasks } : doc;
}

function addTasks(doc: Pipeline, tasks: Task[], edges: Edge[]): Pipeline {
  if (tasks.length === 0 && edges.length === 0) return doc;
  const existing = new Set(doc.tasks.map((t) => t.id));
  for (const task of tasks) {
    if (existing.has(task.id)) throw new Error(`a task named "${task.id}" already exists`);
    existing.add(task.id);
  }
  const keys = new Set(doc.edges.map(edgeKey));
  const newEdges = edges.filter((e) => existing.has(e.from) && existing.has(e.to) && !keys.has(edgeKey(e)));
  return { ...doc, tasks: [...doc.tasks, ...tasks], edges: newEdges.length ? [...doc.edges, ...newEdges] : doc.edges };
}

function remove(doc: Pipeline, taskIds: readonly string[], edges: readonly Edge[], groupIds: readonly string[]): Pipeline {
  const gone = new Set(taskIds);
  const goneEdges = new Set(edges.map(edgeKey));
  const tasks = gone.size ? doc.tasks.filter((t) => !gone.has(t.id)) : doc.tasks;
  const keptEdges = doc.edges.filter((e) => !gone.has(e.from) && !gone.has(e.to) && !goneEdges.has(edgeKey(e)));
  let next: Pipeline = doc;
  if (tasks.length !== doc.tasks.length || keptEdges.length !== doc.edges.length) next = { ...doc, tasks, edges: keptEdges };
  for (const groupId of groupIds) next = ungroup(next, groupId);
  return next;
}

function samePosition(a: Position, b: Position): boolean {
  return a.x === b.x && a.y === b.y;
}

function moveTasks(doc: Pipeline, positions: Readonly<Record<string, Position>>): Pipeline {
  const ids = new Set(Object.keys(positions));
  return mapTasks(doc, ids, (task) => {
    const p = positions[task.id];
    if (!p || samePosition(p, task.position)) return task;
    return { ...task, position: { x: p.x, y: p.y } };
  });
}

function connect(doc: Pipeline, edge: Edge): Pipeline {
  if (edge.from === edge.to) return doc;
  const key = edgeKey(edge);
  if (doc.edges.some((e) => edgeKey(e) === key)) return doc;
  return { ...doc, edges: [...doc.edges, { from: edge.from, to: edge.to }] };
}

function isEmptyValue(value: unknown): boolean {
  return value === undefined;
}

function setConfig(doc: Pipeline, taskId: string, key: string, value: unknown): Pipeline {
  return mapTasks(doc, new Set([taskId]), (task) => {
    if (Object.is(task.config[key], value)) return task;
    const config = { ...task.config };
    if (isEmptyValue(value)) {
      if (!(key in config)) return task;
      delete config[key];
    } else config[key] = value;
    return { ...task, config };
  });
}

/* A patch value of undefined removes the setting, so the file never carries `"retries": null`-style noise. */
function patchOptional<T extends object>(target: T, patch: NoInfer<Partial<T>>): T {
  let out: T | undefined;
  for (const [key, value] of Object.entries(patch) as [keyof T, T[keyof T] | undefined][]) {
    if (value === undefined) {
      if (key in target) {
        out ??= { ...target };
        delete out[key];
      }
    } else if (!Object.is(target[key], value)) {
      out ??= { ...target };
      out[key] = value;
    }
  }
  return out ?? target;
}

function setTaskSettings(doc: Pipeline, taskId: string, patch: TaskSettingsPatch): Pipeline {
  return mapTasks(doc, new Set([taskId]), (task) => patchOptional(task, patch));
}

function renameTask(doc: Pipeline, from: string, to: string): Pipeline {
  if (from === to) return doc;
  if (doc.tasks.some((t) => t.id === to)) throw new Error(`a task named "${to}" already exists`);
  if (!doc.tasks.some((t) => t.id === from)) return doc;
  const tasks = doc.tasks.map((t) => (t.id === from ? { ...t, id: to } : t));
  const edges = doc.edges.map((e) =>
    e.from === from || e.to === from ? { from: e.from === from ? to : e.from, to: e.to === from ? to : e.to } : e,
  );
  return { ...doc, tasks, edges };
}

function setPipeline(doc: Pipeline, patch: PipelineMetaPatch): Pipeline {
  return patchOptional(doc, patch);
}

function groupDepthOk(doc: Pipeline, group: Group): void {
  if (doc.groups.some((g) => g.id === group.id)) throw new Error(`a group named "${group.id}" already exists`);
  if (group.parent !== undefined && !doc.groups.some((g) => g.id === group.parent)) throw new Error(`there is no group "${group.parent}"`);
}

function createGroup(doc: Pipeline, group: Group, taskIds: readonly string[]): Pipeline {
  groupDepthOk(doc, group);
  const withGroup: Pipeline = { ...doc, groups: [...doc.groups, group] };
  return setGroups(withGroup, taskIds, group.id);
}

function renameGroup(doc: Pipeline, groupId: string, label: string): Pipeline {
  let changed = false;
  const groups = doc.groups.map((g) => {
    if (g.id !== groupId) return g;
    const next = patchOptional(g, { label: label === '' ? undefined : label });
    if (next !== g) changed = true;
    return next;
  });
  return changed ? { ...doc, groups } : doc;
}

/** Removes a group; its tasks and sub-groups move up to the group's own parent (or to the top level). */
function ungroup(doc: Pipeline, groupId: string): Pipeline {
  const group = doc.groups.find((g) => g.id === groupId);
  if (!group) return doc;
  const parent = group.parent;
  const groups = doc.groups
    .filter((g) => g.id !== groupId)
    .map((g) => (g.parent === groupId ? patchOptional(g, { parent }) : g));
  const members = new Set(doc.tasks.filter((t) => t.group === groupId).map((t) => t.id));
  const moved = mapTasks(doc, members, (task) => patchOptional(task, { group: parent }));
  return { ...moved, groups };
}

function setGroups(doc: Pipeline, taskIds: readonly string[], group: string | undefined): Pipeline {
  if (group !== undefined && !doc.groups.some((g) => g.id === group)) throw new Error(`there is no group "${group}"`);
  return mapTasks(doc, new Set(taskIds), (task) => patchOptional(task, { group }));
}
