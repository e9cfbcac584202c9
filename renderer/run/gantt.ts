import type { RunRecord, TaskState } from '../../shared/api/runs';

/** The Gantt chart of one run: a row per task that got a state, a bar per try, on a shared time axis. */

export interface GanttBar {
  tryNumber: number;
  state: TaskState;
  /** Position and length as fractions (0…1) of the axis. */
  left: number;
  width: number;
  durationMs: number;
}

export interface GanttRow {
  taskId: string;
  state: TaskState;
  bars: GanttBar[];
}

export interface GanttModel {
  /** Axis start (epoch ms) and length; spans from the run's start to its end, or to `now` while it runs. */
  from: number;
  spanMs: number;
  rows: GanttRow[];
}

const ms = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

export function ganttOf(record: RunRecord, taskOrder: readonly string[], now: number): GanttModel {
  const ids = [...taskOrder.filter((id) => id in record.tasks), ...Object.keys(record.tasks).filter((id) => !taskOrder.includes(id))];
  const tries = ids.flatMap((id) => record.tasks[id]!.tries.map((t) => ({ id, t })));
  const starts = tries.map(({ t }) => ms(t.start)).filter((v): v is number => v !== null);
  const from = Math.min(ms(record.start) ?? Infinity, ...starts);
  if (!Number.isFinite(from)) return { from: now, spanMs: 0, rows: [] };
  const ends = tries.map(({ t }) => ms(t.end) ?? now);
  const to = Math.max(ms(record.end) ?? now, ...ends, from + 1);
  const spanMs = to - from;
  const rows: GanttRow[] = [];
  for (const id of ids) {
    const ti = record.tasks[id]!;
    if (ti.state === 'none' && ti.tries.length === 0) continue;
    const bars = ti.tries
      .filter((t) => t.start)
      .map((t) => {
        const start = ms(t.start)!;
        const end = ms(t.end) ?? now;
        return { tryNumber: t.try_number, state: t.state, left: (start - from) / spanMs, width: Math.max(0, end - start) / spanMs, durationMs: Math.max(0, end - start) };
      });
    rows.push({ taskId: id, state: ti.state, bars });
  }
  return { from, spanMs, rows };
}

/** Round tick marks for the axis: about `count` of them, at 1/2/5 × a power of ten seconds (or minutes). */
export function axisTicks(spanMs: number, count = 6): number[] {
  if (spanMs <= 0) return [0];
  const raw = spanMs / count;
  const steps = [100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000];
  const step = steps.find((s) => s >= raw) ?? Math.ceil(raw / 3_600_000) * 3_600_000;
  const ticks: number[] = [];
  for (let t = 0; t <= spanMs; t += step) ticks.push(t);
  return ticks;
}
