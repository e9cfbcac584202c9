import { sleep, throwIfCancelled } from './cancel';

export interface PokeSchedule {
  /** What is awaited, for the log and the timeout message: "s3://bucket/key". */
  target: string;
  intervalMs: number;
  timeoutMs: number;
  signal: AbortSignal;
  log: (text: string) => void;
  /** The clock; tests of the loop itself may pass their own. */
  now?: () => number;
}

/**
 * Airflow's poke mode: check; while nothing is found, wait the interval and check again, until the timeout.
 * The last check happens at the deadline rather than an interval after it, and a cancel ends a wait at once.
 * An error of a check (no such bucket, credentials rejected) ends the loop: waiting would not fix it.
 */
export async function pokeUntil<T>(poke: () => Promise<readonly T[]>, schedule: PokeSchedule): Promise<readonly T[]> {
  const now = schedule.now ?? Date.now;
  const deadline = now() + schedule.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(schedule.signal);
    const found = await poke();
    throwIfCancelled(schedule.signal);
    if (found.length > 0) return found;
    const remaining = deadline - now();
    if (remaining <= 0) {
      throw new Error(`${schedule.target} still missing after ${formatSeconds(schedule.timeoutMs / 1000)} (${attempt} ${attempt === 1 ? 'check' : 'checks'})`);
    }
    const wait = Math.min(schedule.intervalMs, remaining);
    schedule.log(`check ${attempt}: not there yet; next check in ${formatSeconds(wait / 1000)}\n`);
    await sleep(wait, schedule.signal);
  }
}

function formatSeconds(s: number): string {
  return `${Number(s.toFixed(2))} s`;
}
