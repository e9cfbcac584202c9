import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Pipeline, Task } from '../../shared/pipeline/schema';
import { applyChange, type EditorChange } from './changes';
import { emptyHistory, record, redo, undo, type Coalesce } from './history';
import { indexTasks, initialEditorState, type Dimensions, type EditorState, type Notice } from './initialState';

export interface EditorActions {
  /** Applies one change as one undoable step (or joins the previous step when `coalesce` says so). Returns false when refused. */
  edit(change: EditorChange, coalesce?: Coalesce): boolean;
  undo(): void;
  redo(): void;
  /** Replaces the document (open, new, import); history starts over. `saved` says whether it matches a file on disk. */
  load(doc: Pipeline, filePath: string | null, saved: boolean, readOnly?: boolean): void;
  markSaved(doc: Pipeline, filePath: string): void;
  select(selection: { tasks?: Iterable<string>; groups?: Iterable<string>; edges?: Iterable<string> }): void;
  setSelected(kind: 'tasks' | 'groups' | 'edges', id: string, selected: boolean): void;
  toggleCollapsed(groupId: string, collapsed?: boolean): void;
  setMeasured(sizes: ReadonlyArray<[string, Dimensions]>): void;
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
  setScreen(screen: EditorState['screen']): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

let noticeIds = 0;

/** Drops selected ids that no longer exist, keeping the same Set when nothing was dropped. */
function prune(set: ReadonlySet<string>, exists: (id: string) => boolean): ReadonlySet<string> {
  for (const id of set) {
    if (!exists(id)) return new Set([...set].filter(exists));
  }
  return set;
}

/**
 * The task index for a new document. When the tasks are the same ids in the same order (a drag, a form
 * edit), the index is patched in place: rebuilding a 2,000-entry map on every frame of a drag only fed the
 * garbage collector. Readers look tasks up by id, so they see each replaced task as a new object.
 */
function reindex(previous: Pipeline, index: ReadonlyMap<string, Task>, next: Pipeline): ReadonlyMap<string, Task> {
  if (next.tasks === previous.tasks) return index;
  if (next.tasks.length !== previous.tasks.length) return indexTasks(next.tasks);
  const changed: Task[] = [];
  for (let i = 0; i < next.tasks.length; i++) {
    const a = previous.tasks[i]!;
    const b = next.tasks[i]!;
    if (a === b) continue;
    if (a.id !== b.id) return indexTasks(next.tasks);
    changed.push(b);
  }
  const map = index as Map<string, Task>;
  for (const task of changed) map.set(task.id, task);
  return map;
}

function withDoc(state: EditorState, doc: Pipeline): Partial<EditorState> {
  const tasksById = reindex(state.doc, state.tasksById, doc);
  const groupIds = doc.groups === state.doc.groups ? null : new Set(doc.groups.map((g) => g.id));
  return {
    doc,
    tasksById,
    selectedTasks: prune(state.selectedTasks, (id) => tasksById.has(id)),
    selectedGroups: groupIds ? prune(state.selectedGroups, (id) => groupIds.has(id)) : state.selectedGroups,
    collapsedGroups: groupIds ? prune(state.collapsedGroups, (id) => groupIds.has(id)) : state.collapsedGroups,
  };
}

export function createEditorStore(initial: EditorState = initialEditorState(), now: () => number = () => Date.now()): EditorStore {
  return createStore<EditorState & EditorActions>()((set, get) => ({
    ...initial,

    edit(change, coalesce) {
      const state = get();
      let doc: Pipeline;
      try {
        doc = applyChange(state.doc, change);
      } catch (error) {
        get().notify('error', error instanceof Error ? error.message : String(error));
        return false;
      }
      if (doc === state.doc) return true;
      const extra: Partial<EditorState> = {};
      if (change.type === 'rename-task' && state.selectedTasks.has(change.from)) {
        extra.selectedTasks = new Set([...state.selectedTasks].map((id) => (id === change.from ? change.to : id)));
      }
      set({ ...withDoc({ ...state, ...extra }, doc), ...extra, history: record(state.history, state.doc, now(), coalesce) });
      return true;
    },

    undo() {
      const state = get();
      const step = undo(state.history, state.doc);
      if (step) set({ ...withDoc(state, step.doc), history: step.history });
    },

    redo() {
      const state = get();
      const step = redo(state.history, state.doc);
      if (step) set({ ...withDoc(state, step.doc), history: step.history });
    },

    load(doc, filePath, saved, readOnly = false) {
      set({
        doc,
        tasksById: indexTasks(doc.tasks),
        savedDoc: saved ? doc : null,
        filePath,
        readOnly,
        history: emptyHistory(),
        selectedTasks: new Set(),
        selectedGroups: new Set(),
        selectedEdges: new Set(),
        collapsedGroups: new Set(),
        measured: new Map(),
        screen: 'editor',
        loadCount: get().loadCount + 1,
      });
    },

    markSaved(doc, filePath) {
      set({ savedDoc: doc, filePath, readOnly: false });
    },

    select({ tasks = [], groups = [], edges = [] }) {
      set({ selectedTasks: new Set(tasks), selectedGroups: new Set(groups), selectedEdges: new Set(edges) });
    },

    setSelected(kind, id, selected) {
      const key = kind === 'tasks' ? 'selectedTasks' : kind === 'groups' ? 'selectedGroups' : 'selectedEdges';
      const current = get()[key];
      if (current.has(id) === selected) return;
      const next = new Set(current);
      if (selected) next.add(id);
      else next.delete(id);
      set({ [key]: next } as Partial<EditorState>);
    },

    toggleCollapsed(groupId, collapsed) {
      const current = get().collapsedGroups;
      const want = collapsed ?? !current.has(groupId);
      if (current.has(groupId) === want) return;
      const next = new Set(current);
      if (want) next.add(groupId);
      else next.delete(groupId);
      set({ collapsedGroups: next });
    },

    setMeasured(sizes) {
      if (sizes.length === 0) return;
      const current = get().measured;
      let next: Map<string, Dimensions> | undefined;
      for (const [id, size] of sizes) {
        const old = current.get(id);
        if (old && old.width === size.width && old.height === size.height) continue;
        next ??= new Map(current);
        next.set(id, size);
      }
      if (next) set({ measured: next });
    },

    notify(kind, text) {
      set({ notice: { id: ++noticeIds, kind, text } });
    },

    dismissNotice(id) {
      if (get().notice?.id === id) set({ notice: null });
    },

    setScreen(screen) {
      set({ screen });
    },
  }));
}

export const isDirty = (state: EditorState): boolean => state.doc !== state.savedDoc;
export const canUndo = (state: EditorState): boolean => state.history.past.length > 0;
export const canRedo = (state: EditorState): boolean => state.history.future.length > 0;
