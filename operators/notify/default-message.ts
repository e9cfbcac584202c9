import type { TaskState } from '../../shared/api/runs';

function taskList(ids: string[]): string {
  return ids.length === 1 ? '1 task ' : `${ids.length} tasks `;
}

/**
 * The message sent when the task's message is empty: which run, and which tasks failed (and, apart, which only
 * failed because of them), so a notify task with trigger rule one_failed says something useful with no setup.
 */
export function failureSummary(run: { dagId: string; runId: string; taskId: string }, states: Record<string, TaskState>): string {
  const ids = Object.keys(states)
    .filter((id) => id !== run.taskId)
    .sort();
  const failed = ids.filter((id) => states[id] === 'failed');
  const upstreamFailed = ids.filter((id) => states[id] === 'upstream_failed');
  const head = `Pipeline ${run.dagId}, run ${run.runId}`;
  if (failed.length === 0 && upstreamFailed.length === 0) return `${head}: no task has failed.`;
  const parts: string[] = [];
  if (failed.length > 0) parts.push(`${taskList(failed)}failed: ${failed.join(', ')}`);
  if (upstreamFailed.length > 0) parts.push(`${taskList(upstreamFailed)}not run because of a failure upstream: ${upstreamFailed.join(', ')}`);
  return `${head}: ${parts.join('; ')}.`;
}
