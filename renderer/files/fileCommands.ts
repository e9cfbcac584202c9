import type { AppInfo } from '../../shared/api';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Problem } from '../../shared/problems';
import { openDialog } from '../app/dialogs';
import { getHost } from '../host';
import { editor } from '../store/editor';
import { isDirty } from '../store/editorStore';
import { runActions } from '../store/runs';
import { validateNow } from '../validation/useProblems';
import { downloadText, pickTextFile } from './download';

/** New, Open, Save, Save As, Import, Export: each talks to the host and keeps the unsaved-work promise. */

let info: AppInfo | null = null;

export async function appInfo(): Promise<AppInfo> {
  info ??= await getHost().app.info({});
  return info;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function fail(what: string, error: unknown): void {
  editor().notify('error', `${what}: ${message(error)}`);
}

/**
 * Asks before unsaved work would be lost. Resolves true when the caller may go on (saved, discarded,
 * or nothing to lose) and false when the user cancelled or the save did not happen.
 */
export async function confirmDiscard(action: string): Promise<boolean> {
  if (!isDirty(editor())) return true;
  const choice = await new Promise<'save' | 'discard' | 'cancel'>((resolve) => openDialog({ kind: 'confirm-discard', action, resolve }));
  if (choice === 'cancel') return false;
  if (choice === 'discard') return true;
  return save();
}

function show(pipeline: Pipeline, path: string | null, saved: boolean, readOnly = false): void {
  runActions.clear();
  editor().load(pipeline, path, saved, readOnly);
  validateNow(pipeline);
}

export async function newPipeline(): Promise<void> {
  if (!(await confirmDiscard('create a new pipeline'))) return;
  try {
    const { pipeline } = await getHost().pipelines.new({});
    show(pipeline, null, true);
  } catch (error) {
    fail('Could not create a pipeline', error);
  }
}

/** Open: the desktop app's dialog, or the Open dialog with a path box in the browser. */
export async function open(): Promise<void> {
  try {
    if ((await appInfo()).dialogs) {
      if (!(await confirmDiscard('open another pipeline'))) return;
      const reply = await getHost().pipelines.open({});
      if ('cancelled' in reply) return;
      showLoaded(reply.pipeline, reply.problems, reply.path, reply.read_only);
    } else openDialog({ kind: 'open' });
  } catch (error) {
    fail('Could not open', error);
  }
}

export async function openPath(path: string): Promise<boolean> {
  if (!(await confirmDiscard('open another pipeline'))) return false;
  try {
    const reply = await getHost().pipelines.open({ path });
    if ('cancelled' in reply) return false;
    return showLoaded(reply.pipeline, reply.problems, reply.path, reply.read_only);
  } catch (error) {
    fail(`Could not open ${path}`, error);
    return false;
  }
}

export async function openExample(name: string): Promise<boolean> {
  if (!(await confirmDiscard('open an example'))) return false;
  try {
    const reply = await getHost().examples.open({ name });
    return showLoaded(reply.pipeline, reply.problems, reply.path, true);
  } catch (error) {
    fail(`Could not open the example ${name}`, error);
    return false;
  }
}

function showLoaded(pipeline: Pipeline | null, problems: Problem[], path: string, readOnly: boolean): boolean {
  if (!pipeline) {
    openDialog({ kind: 'import-problems', fileName: path, problems });
    return false;
  }
  show(pipeline, path, true, readOnly);
  if (problems.length) editor().notify('info', `Opened with ${problems.length} problem${problems.length === 1 ? '' : 's'}: see the Problems tab.`);
  return true;
}

/** Save: to the current file, or through Save As when there is none (or it is read-only). */
export async function save(): Promise<boolean> {
  const s = editor();
  if (!s.filePath || s.readOnly) return saveAs();
  const doc = s.doc;
  try {
    const reply = await getHost().pipelines.save({ path: s.filePath, pipeline: doc });
    editor().markSaved(doc, reply.path);
    editor().notify('success', `Saved ${reply.path}`);
    return true;
  } catch (error) {
    fail('Could not save', error);
    return false;
  }
}

export async function saveAs(): Promise<boolean> {
  try {
    if ((await appInfo()).dialogs) {
      const doc = editor().doc;
      const reply = await getHost().pipelines.saveAs({ pipeline: doc });
      if ('cancelled' in reply) return false;
      editor().markSaved(doc, reply.path);
      editor().notify('success', `Saved ${reply.path}`);
      return true;
    }
    return await new Promise<boolean>((resolve) => openDialog({ kind: 'save-as', resolve }));
  } catch (error) {
    fail('Could not save', error);
    return false;
  }
}

/** Save As to a path typed in the browser's dialog; an existing file needs `overwrite`. */
export async function saveToPath(path: string, overwrite: boolean): Promise<{ ok: true } | { ok: false; exists: boolean; message: string }> {
  const doc = editor().doc;
  try {
    const reply = await getHost().pipelines.saveAs({ pipeline: doc, path, overwrite });
    if ('cancelled' in reply) return { ok: false, exists: false, message: 'cancelled' };
    editor().markSaved(doc, reply.path);
    editor().notify('success', `Saved ${reply.path}`);
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, exists: code === 'exists' || /exists/i.test(message(error)), message: message(error) };
  }
}

/**
 * Loads a pipeline from a file's text, checked by the host exactly as Import checks it: a file with problems
 * is shown with them and the open pipeline stays as it was; a good one opens unsaved (it has no path on the
 * host, so Save asks for one).
 */
async function loadText(file: { name: string; text: string }, action: string, done: string): Promise<boolean> {
  try {
    const reply = await getHost().pipelines.importJson({ text: file.text, file_name: file.name });
    if (!reply.pipeline || reply.problems.length) {
      openDialog({ kind: 'import-problems', fileName: file.name, problems: reply.problems, pipeline: reply.pipeline });
      return false;
    }
    if (!(await confirmDiscard(action))) return false;
    show(reply.pipeline, null, false);
    editor().notify('success', done);
    return true;
  } catch (error) {
    fail(`Could not read ${file.name}`, error);
    return false;
  }
}

/** Import JSON: a file with problems is shown with them and the open pipeline stays as it was. */
export async function importJson(): Promise<void> {
  const file = await pickTextFile('.json,.dag.json,application/json');
  if (file) await loadText(file, 'import another pipeline', `Imported ${file.name}`);
}

/** Open, in the browser, of a file from this computer (the page cannot write it back: Save goes through Save As). */
export async function openLocalFile(file: { name: string; text: string }): Promise<boolean> {
  return loadText(file, 'open another pipeline', `Opened ${file.name}; Save asks where to keep it.`);
}

/** Opens an imported pipeline that has problems anyway (the user asked to, from the problems dialog). */
export async function acceptImport(pipeline: Pipeline): Promise<void> {
  if (!(await confirmDiscard('import another pipeline'))) return;
  show(pipeline, null, false);
}

/** Export JSON: exactly the text Save writes (the host serializes with shared/pipeline). */
export async function exportJson(): Promise<void> {
  try {
    const reply = await getHost().pipelines.exportJson({ pipeline: editor().doc });
    downloadText(reply.file_name, reply.text, 'application/json');
  } catch (error) {
    fail('Could not export JSON', error);
  }
}

export async function exportAirflow(): Promise<void> {
  try {
    const reply: { text: string; file_name: string; issues?: { message: string }[] } | { problems: Problem[] } = await getHost().pipelines.exportAirflow({
      pipeline: editor().doc,
    });
    if ('problems' in reply) {
      openDialog({ kind: 'import-problems', fileName: 'This pipeline', problems: reply.problems, intro: 'It cannot be exported to Airflow until these are fixed.' });
      return;
    }
    downloadText(reply.file_name, reply.text, 'text/x-python');
    const issues = reply.issues?.length ?? 0;
    editor().notify(issues ? 'info' : 'success', `Exported ${reply.file_name}${issues ? ` (${issues} note${issues === 1 ? '' : 's'}: ${reply.issues![0]!.message})` : ''}`);
  } catch (error) {
    fail('Could not export to Airflow', error);
  }
}

export async function recentFiles(): Promise<{ path: string; name: string; exists: boolean }[]> {
  try {
    return (await getHost().pipelines.recent({})).files;
  } catch {
    return [];
  }
}
