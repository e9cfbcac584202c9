import type { HostEvent } from '../../shared/api';
import { getHost } from '../host';
import { editor } from '../store/editor';
import { runActions, runStore } from '../store/runs';

/** Run and Cancel from the editor; task-state events paint the nodes (the full run view comes with the run issue). */

export async function run(): Promise<void> {
  const s = editor();
  try {
    const reply = await getHost().runs.start({ pipeline: s.doc, ...(s.filePath ? { path: s.filePath } : {}) });
    if ('problems' in reply) {
      const first = reply.problems[0];
      s.notify('error', `The pipeline cannot run: ${reply.problems.length} problem${reply.problems.length === 1 ? '' : 's'}${first ? ` (${first.path}: ${first.message})` : ''}.`);
      return;
    }
    runActions.started(reply.run_id);
  } catch (error) {
    s.notify('error', `Could not start the run: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function cancel(): Promise<void> {
  const { runId, runState } = runStore.getState();
  if (!runId || (runState !== 'running' && runState !== 'queued')) return;
  try {
    await getHost().runs.cancel({ run_id: runId });
  } catch (error) {
    editor().notify('error', `Could not cancel: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function isRunEvent(event: HostEvent): event is Extract<HostEvent, { type: 'run-state' | 'task-state' | 'log' }> {
  return event.type === 'run-state' || event.type === 'task-state' || event.type === 'log';
}

export function onHostRunEvent(event: HostEvent): void {
  if (isRunEvent(event)) runActions.event(event);
}
