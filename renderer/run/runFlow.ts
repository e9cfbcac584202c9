import { validatePipeline } from '../../operators/pipeline';
import type { Pipeline } from '../../shared/pipeline/schema';
import { save } from '../files/fileCommands';
import { getHost } from '../host';
import { editor } from '../store/editor';
import { isDirty } from '../store/editorStore';
import { askNotificationPermission } from './desktop';
import { isActive } from './liveRecord';
import { liveRunActions, liveRunStore } from './liveRun';
import { paramFields } from './params';
import { closeRunDialog, openRunDialog, panel } from './runPanel';
import { fromHere } from './taskScope';

/**
 * What the run controls do: Run (refusing an unsaved or invalid pipeline, asking for params), run only a task or
 * from a task on, retry and clear a task of the run on screen, and open a past run. Each talks to the host
 * (shared/api/run-requests.ts) and puts the result on screen.
 */

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function fail(what: string, error: unknown): void {
  editor().notify('error', `${what}: ${message(error)}`);
}

interface Ready {
  doc: Pipeline;
  path: string;
}

/** The pipeline as it may run now, or null after showing why it may not. `again` re-tries once it was saved. */
function readyToRun(again: () => void): Ready | null {
  const s = editor();
  if (!s.filePath || isDirty(s)) {
    openRunDialog({ kind: 'refused', reason: 'unsaved', problems: [], retry: again });
    return null;
  }
  const problems = validatePipeline(s.doc);
  if (problems.length) {
    openRunDialog({ kind: 'refused', reason: 'invalid', problems });
    return null;
  }
  return { doc: s.doc, path: s.filePath };
}

/** Saves, then does what was refused for want of a save (the refused dialog's "Save and run"). */
export async function saveThen(again: () => void): Promise<void> {
  closeRunDialog();
  if (await save()) again();
}

function askParams(doc: Pipeline): Promise<Record<string, unknown> | null> {
  const fields = paramFields(doc.params);
  if (!fields.length) return Promise.resolve({});
  return new Promise((resolve) => openRunDialog({ kind: 'params', title: `Run ${doc.title || doc.id}`, fields, defaults: doc.params, resolve }));
}

/** The toolbar's Run (F5, the menu): the whole pipeline, after asking for its params. */
export async function requestRun(): Promise<void> {
  askNotificationPermission();
  const ready = readyToRun(() => void requestRun());
  if (!ready) return;
  const params = await askParams(ready.doc);
  if (params === null) return;
  await startRun(ready, { params });
}

async function startRun(ready: Ready, options: { params: Record<string, unknown>; tasks?: string[]; reuseRunId?: string }): Promise<string | null> {
  try {
    const reply = await getHost().runs.start({
      pipeline: ready.doc,
      path: ready.path,
      params: options.params,
      ...(options.tasks ? { tasks: options.tasks } : {}),
      ...(options.reuseRunId ? { reuse_run_id: options.reuseRunId } : {}),
    });
    if ('problems' in reply) {
      openRunDialog({ kind: 'refused', reason: 'invalid', problems: reply.problems });
      return null;
    }
    liveRunActions.begin(reply.run_id, ready.doc.id, options.tasks ?? null);
    panel.show();
    void syncRecord(reply.run_id);
    return reply.run_id;
  } catch (error) {
    fail('Could not start the run', error);
    return null;
  }
}

/** Replaces the record on screen with the host's snapshot of it (when that run is still the one on screen). */
export async function syncRecord(runId: string): Promise<void> {
  try {
    const { run } = await getHost().runs.get({ run_id: runId });
    if (liveRunStore.getState().record?.run_id === runId) liveRunActions.show(run);
  } catch {
    // The events still paint the run; the snapshot only fills in what came before them.
  }
}

/* "Run only this task" and "Run from here" take the newest run's params and return values for the tasks they skip. */
async function runScoped(taskId: string, tasksOf: (doc: Pipeline) => string[], again: () => void): Promise<void> {
  askNotificationPermission();
  const ready = readyToRun(again);
  if (!ready) return;
  let latest;
  try {
    latest = (await getHost().runs.list({ dag_id: ready.doc.id, limit: 1 })).runs[0];
  } catch (error) {
    fail('Could not read the run history', error);
    return;
  }
  panel.showLog(taskId);
  await startRun(ready, { params: latest?.params ?? {}, tasks: tasksOf(ready.doc), ...(latest ? { reuseRunId: latest.run_id } : {}) });
}

export function runOnly(taskId: string): Promise<void> {
  return runScoped(taskId, () => [taskId], () => void runOnly(taskId));
}

export function runFromHere(taskId: string): Promise<void> {
  return runScoped(taskId, (doc) => fromHere(doc, taskId), () => void runFromHere(taskId));
}

/** Retry (a failed task) and Clear (the task and its downstream) act on the run on screen, which resumes. */
export async function retryTask(taskId: string): Promise<void> {
  const record = liveRunStore.getState().record;
  if (!record) return;
  askNotificationPermission();
  try {
    await getHost().runs.retryTask({ run_id: record.run_id, task_id: taskId });
    panel.showLog(taskId);
    panel.show();
  } catch (error) {
    fail(`Could not retry ${taskId}`, error);
  }
}

export async function clearTask(taskId: string): Promise<void> {
  const record = liveRunStore.getState().record;
  if (!record) return;
  askNotificationPermission();
  try {
    await getHost().runs.clearTask({ run_id: record.run_id, task_id: taskId, downstream: true });
    panel.showLog(taskId);
    panel.show();
  } catch (error) {
    fail(`Could not clear ${taskId}`, error);
  }
}

/** Puts a run of the history on screen (states on the graph, logs, Gantt); a live one keeps streaming. */
export async function openRun(runId: string): Promise<boolean> {
  const host = getHost();
  try {
    const summary = (await host.runs.get({ run_id: runId })).run;
    // Subscribe before the snapshot a live run is shown from, so no event falls between the two.
    if (isActive(summary)) await host.runs.subscribe({ run_id: runId });
    const { run } = isActive(summary) ? await host.runs.get({ run_id: runId }) : { run: summary };
    liveRunActions.show(run);
    return true;
  } catch (error) {
    fail(`Could not open the run ${runId}`, error);
    return false;
  }
}
