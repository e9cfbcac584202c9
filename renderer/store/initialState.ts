import { PIPELINE_FORMAT, PIPELINE_VERSION, type Pipeline, type Task } from '../../shared/pipeline/schema';
import { emptyHistory, type History } from './history';

export interface Dimensions {
  width: number;
  height: number;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info' | 'success';
  text: string;
}

export interface EditorState {
  /** The pipeline being edited, in the file's own shape (shared/pipeline types). */
  doc: Pipeline;
  /** Index of doc.tasks, rebuilt with it, so a node finds its task in O(1). */
  tasksById: ReadonlyMap<string, Task>;
  /** The document as last saved or opened; dirty is `doc !== savedDoc` (undoing back to it is clean again). */
  savedDoc: Pipeline | null;
  filePath: string | null;
  /** The file may not be written (a bundled example): Save goes through Save As. */
  readOnly: boolean;
  history: History<Pipeline>;
  selectedTasks: ReadonlySet<string>;
  selectedGroups: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  /** View state, not part of the file: which groups are folded into one node. */
  collapsedGroups: ReadonlySet<string>;
  /** Node sizes React Flow measured (kept so derived nodes carry them and are not measured again). */
  measured: ReadonlyMap<string, Dimensions>;
  notice: Notice | null;
  screen: 'welcome' | 'editor';
  /** Counts loaded documents, so the canvas starts fresh (and fits the new pipeline in view) for each one. */
  loadCount: number;
}

export function blankPipeline(id = 'untitled_pipeline'): Pipeline {
  return { format: PIPELINE_FORMAT, version: PIPELINE_VERSION, id, schedule: null, params: {}, groups: [], tasks: [], edges: [] };
}

export function indexTasks(tasks: readonly Task[]): Map<string, Task> {
  return new Map(tasks.map((t) => [t.id, t]));
}

export function initialEditorState(doc: Pipeline = blankPipeline()): EditorState {
  return {
    doc,
    tasksById: indexTasks(doc.tasks),
    savedDoc: doc,
    filePath: null,
    readOnly: false,
    history: emptyHistory(),
    selectedTasks: new Set(),
    selectedGroups: new Set(),
    selectedEdges: new Set(),
    collapsedGroups: new Set(),
    measured: new Map(),
    notice: null,
    screen: 'welcome',
    loadCount: 0,
  };
}
