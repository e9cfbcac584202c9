import { sleep, throwIfCancelled } from './cancel';

export type PokeResult<T> = { done: true; value: T } | { done: false; reason: string };

export interface PokeOptions<T> {
  /** What is awaited, for the log and the timeout message: `http://host/health`. */
  what: string;
  intervalS: number;
  timeoutS: number;
  signal: AbortSignal;
  log: (text: string) => void;
  poke: () => Promise<PokeResult<T>>;
  /** Injected by tests of the loop itself; the real clock otherwise. */
  now?: () => number;
}

/**
 * A sensor's loop (Airflow's poke mode): check, and if not yet satisfied wait `intervalS` and check again, until
 * `timeoutS` has passed. The last check happens at the deadline, not an interval after it; a cancel ends the wait
 * at once.
 */
export async function pokeUntil<T>(options: PokeOptions<T>): Promise<T> {
  const now = options.now ?? Date.now;
  const started = now();
  const deadline = started + options.timeoutS * 1000;
  for (let attempt = 1; ; attempt++) {
    throwIfCancelled(options.signal);
    const result = await options.poke();
    throwIfCancelled(options.signal);
    if (result.done) {
      options.log(`poke ${attempt}: ready\n`);
      return result.value;
    }
    const remaining = deadline - now();
    if (remaining <= 0) {
      const checks = attempt === 1 ? '1 check' : `${attempt} checks`;
      throw new Error(`${options.what} still not ready after ${options.timeoutS} s (${checks}; last: ${result.reason})`);
    }
    const waitMs = Math.min(options.intervalS * 1000, remaining);
    options.log(`poke ${attempt}: ${result.reason}; next check in ${formatSeconds(waitMs / 1000)}\n`);
    await sleep(waitMs, options.signal);
  }
}

function formatSeconds(s: number): string {
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
