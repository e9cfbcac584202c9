import type { HostEvent } from '../../shared/api';
import { getHost } from '../host';
import { editor } from '../store/editor';
import { requestRun } from '../run/runFlow';
import { runActions, runStore } from '../store/runs';

/** Run and Cancel from the editor; task-state events paint the nodes (the full run view comes with the run issue). */

/** Run: the run view's flow (refuses an unsaved or invalid pipeline, asks for params, shows the run). */
export async function run(): Promise<void> {
  await requestRun();
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
