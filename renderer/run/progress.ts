import type { RunState } from '../../shared/api/runs';
import { isLiveState, type Progress } from '../../shared/run-progress';

/** How far a run is, how long things took, and the words for both. */

/* Progress is counted in shared/ so the desktop app's taskbar counts the same way as the header and the title. */
export { progressOf, type Progress } from '../../shared/run-progress';

const time = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

/** Milliseconds from `start` to `end` (or to `now` while it has no end); null without a start. */
export function elapsedMs(start: string | null | undefined, end: string | null | undefined, now: number): number | null {
  const from = time(start);
  if (from === null) return null;
  const to = time(end) ?? now;
  return Math.max(0, to - from);
}

/** "0.4s", "12s", "3m 05s", "2h 01m" — short enough for a node badge. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 10_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)}s`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** The page title while a run is live ("[3/5] demo — dagstudio"), the base title otherwise. */
export function titleFor(base: string, state: RunState | null, progress: Progress | null, dagId: string): string {
  if (!progress || !isLiveState(state)) return base;
  const percent = progress.total ? Math.floor((100 * progress.done) / progress.total) : 0;
  return `[${progress.done}/${progress.total} · ${percent}%] ${dagId} — ${base}`;
}

/** A date-time for lists: today shows the time only. */
export function formatStart(iso: string | null, now = new Date()): string {
  const ms = time(iso);
  if (ms === null) return '—';
  const d = new Date(ms);
  const sameDay = d.toDateString() === now.toDateString();
  const clock = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay ? clock : `${d.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${clock}`;
}
