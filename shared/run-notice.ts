import type { RunState, TaskState } from './api/runs';

/*
 * The notification when a run ends while the window is in the background (the `notify_on_finish` preference):
 * when to show one and what it says, the same in the browser (the Notification API) and in the desktop app
 * (a system notification from the main process).
 */

export interface NoticeContext {
  /** The `notify_on_finish` preference. */
  enabled: boolean;
  /** Whether the window has the focus: someone looking at it needs no notification. */
  focused: boolean;
  /** Whether notifications can be shown here (the browser's permission; the system's support). */
  permitted: boolean;
}

export function shouldNoticeRunEnd(context: NoticeContext): boolean {
  return context.enabled && !context.focused && context.permitted;
}

const ENDED: Record<RunState, string> = { success: 'succeeded', failed: 'failed', cancelled: 'was cancelled', running: 'is running', queued: 'is queued' };

export interface RunEndNotice {
  title: string;
  body: string;
}

const COUNTED: readonly TaskState[] = ['success', 'failed', 'upstream_failed', 'skipped'];

/** "demo failed" / "Run manual__…: 3 success, 1 failed, 1 upstream_failed." — the pipeline and how its run ended first. */
export function runEndNotice(dagId: string, runId: string, state: RunState, tasks: Readonly<Record<string, { state: TaskState }>> = {}): RunEndNotice {
  const counts = COUNTED.map((s) => [s, Object.values(tasks).filter((t) => t.state === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return { title: `${dagId} ${ENDED[state]}`, body: counts.length ? `Run ${runId}: ${counts.join(', ')}.` : `Run ${runId}.` };
}
