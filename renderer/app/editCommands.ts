import { getOperator } from '../../operators/index';
import type { Task } from '../../shared/pipeline/schema';
import { fitView, viewportCenter } from '../canvas/canvasApi';
import { taskSize } from '../graph/flowModel';
import { snap, TASK_HEIGHT, TASK_WIDTH } from '../graph/geometry';
import { getElk } from '../layout/elk';
import { layoutPipeline } from '../layout/layout';
import { copySelection, preparePaste, type ClipboardContent } from '../store/clipboard';
import { encodeClipboard, resolvePaste, type OwnClipboard } from '../store/clipboardFormat';
import { editor } from '../store/editor';
import { newTaskId, uniqueId } from '../store/ids';
import { readSystemClipboard, writeSystemClipboard } from '../store/systemClipboard';

/** Editing commands shared by the toolbar, the keyboard, menus and the canvas. */

/* The app's own copy: pasted when the system clipboard cannot be read. */
let own: OwnClipboard | null = null;
/* Pasting the same content again steps each copy a little further, so they do not stack. */
let lastPasted: string | null = null;
let pasteCount = 0;

/** Adds a task of `operator` centred on `at` (flow coordinates), inside `group` if given, selects it and returns its id. */
export function addTask(operator: string, at?: { x: number; y: number }, group?: string): string | null {
  const definition = getOperator(operator);
  if (!definition) return null;
  const state = editor();
  const id = newTaskId(operator, new Set(state.tasksById.keys()));
  const centre = at ?? nudgeFree(viewportCenter());
  const task: Task = { id, operator, config: {}, position: { x: snap(centre.x - TASK_WIDTH / 2), y: snap(centre.y - TASK_HEIGHT / 2) } };
  if (group !== undefined && state.doc.groups.some((g) => g.id === group)) task.group = group;
  if (!state.edit({ type: 'add-tasks', tasks: [task] })) return null;
  state.select({ tasks: [id] });
  return id;
}

/* Click-to-add twice in a row must not stack two tasks exactly on top of each other. */
function nudgeFree(centre: { x: number; y: number }): { x: number; y: number } {
  const taken = new Set(editor().doc.tasks.map((t) => `${t.position.x},${t.position.y}`));
  let at = centre;
  for (let i = 0; i < 50; i++) {
    const key = `${snap(at.x - TASK_WIDTH / 2)},${snap(at.y - TASK_HEIGHT / 2)}`;
    if (!taken.has(key)) return at;
    at = { x: at.x + 32, y: at.y + 32 };
  }
  return at;
}

export function deleteSelection(): void {
  const s = editor();
  const taskIds = [...s.selectedTasks];
  const groupIds = [...s.selectedGroups];
  const edges = [...s.selectedEdges].flatMap((id) => edgesOfId(id));
  if (taskIds.length === 0 && groupIds.length === 0 && edges.length === 0) return;
  s.edit({ type: 'remove', taskIds, edges, groupIds });
  s.select({});
}

/* A visible edge id stands for one document edge (`a->b`) or, around a collapsed group, several. */
let edgeLookup: (id: string) => { from: string; to: string }[] = () => [];
export function setEdgeLookup(lookup: (id: string) => { from: string; to: string }[]): void {
  edgeLookup = lookup;
}
function edgesOfId(id: string): { from: string; to: string }[] {
  return edgeLookup(id);
}

/** Tasks the selection stands for: selected tasks plus every task inside a selected group. */
export function selectedTaskIds(): Set<string> {
  const s = editor();
  const ids = new Set(s.selectedTasks);
  if (s.selectedGroups.size) {
    const parent = new Map(s.doc.groups.map((g) => [g.id, g.parent]));
    for (const task of s.doc.tasks) {
      for (let g = task.group, depth = 0; g !== undefined && depth < 100; g = parent.get(g), depth++) {
        if (s.selectedGroups.has(g)) {
          ids.add(task.id);
          break;
        }
      }
    }
  }
  return ids;
}

/** Copies the selected tasks (and the edges between them) to the app and, where allowed, to the system clipboard. */
export function copy(): boolean {
  const content = copySelection(editor().doc, selectedTaskIds());
  if (!content) return false;
  const entry: OwnClipboard = { content, text: encodeClipboard(content), shared: false };
  own = entry;
  lastPasted = null;
  void writeSystemClipboard(entry.text).then((ok) => {
    entry.shared = ok;
  });
  return true;
}

export function cut(): void {
  if (copy()) deleteSelection();
}

/** Pastes tasks from the system clipboard (another window may have copied them), else the app's own copy. */
export function paste(): void {
  void pasteNow();
}

async function pasteNow(): Promise<void> {
  const source = resolvePaste(await readSystemClipboard(), own);
  if (!source) return;
  if ('notice' in source) {
    editor().notify(source.notice.kind, source.notice.text);
    return;
  }
  pasteCount = source.key === lastPasted ? pasteCount + 1 : 1;
  lastPasted = source.key;
  insertCopy(source.content, 32 * pasteCount);
}

export function duplicate(): void {
  const content = copySelection(editor().doc, selectedTaskIds());
  if (content) insertCopy(content, 32);
}

function insertCopy(content: ClipboardContent, shift: number): void {
  const s = editor();
  const prepared = preparePaste(s.doc, content, { x: shift, y: shift });
  if (s.edit({ type: 'add-tasks', tasks: prepared.tasks, edges: prepared.edges })) s.select({ tasks: prepared.tasks.map((t) => t.id) });
}

export function selectAll(): void {
  const s = editor();
  s.select({ tasks: s.doc.tasks.map((t) => t.id) });
}

/** Puts the selected tasks in a new group (inside the group they all share, if any). */
export function groupSelection(): string | null {
  const s = editor();
  const ids = [...selectedTaskIds()];
  if (ids.length === 0) {
    s.notify('info', 'Select the tasks to group first.');
    return null;
  }
  const groups = new Set(ids.map((id) => s.tasksById.get(id)?.group));
  const shared = groups.size === 1 ? [...groups][0] : undefined;
  const id = uniqueId('group', new Set(s.doc.groups.map((g) => g.id)));
  const group = shared !== undefined ? { id, parent: shared } : { id };
  if (!s.edit({ type: 'create-group', group, taskIds: ids })) return null;
  s.select({ groups: [id] });
  return id;
}

export function ungroupSelection(): void {
  const s = editor();
  const groups = [...s.selectedGroups];
  if (groups.length === 0) {
    const own = new Set([...s.selectedTasks].map((id) => s.tasksById.get(id)?.group).filter((g): g is string => g !== undefined));
    groups.push(...own);
  }
  if (groups.length === 0) return;
  // Removing a group keeps its tasks (they move up a level); one change, so one undo restores every group.
  s.edit({ type: 'remove', taskIds: [], edges: [], groupIds: groups });
  s.select({});
}

let layoutRunning = false;

/** Lays the whole pipeline out left to right (one undoable step) and fits it in view. */
export async function autoLayout(): Promise<void> {
  if (layoutRunning) return;
  layoutRunning = true;
  const s = editor();
  const doc = s.doc;
  try {
    const positions = await layoutPipeline(getElk(), doc, s.measured);
    // Edits made while ELK worked win: only lay out if the document is still the one measured.
    if (editor().doc !== doc) return;
    editor().edit({ type: 'move-tasks', positions });
    requestAnimationFrame(() => fitView());
  } catch (error) {
    editor().notify('error', `Auto layout failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    layoutRunning = false;
  }
}

export function nodeBox(task: Task): { x: number; y: number; width: number; height: number } {
  return { ...task.position, ...taskSize(task, editor().measured.get(task.id)) };
}
