import { describe, expect, it } from 'vitest';
import { CancelledError } from './cancel';
import { pokeUntil, type PokeResult } from './poke';

function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('pokeUntil', () => {
  it('returns the value of the first satisfied poke and logs each check', async () => {
    const lines: string[] = [];
    let n = 0;
    const value = await pokeUntil({
      what: 'thing',
      intervalS: 0.001,
      timeoutS: 60,
      signal: new AbortController().signal,
      log: (t) => lines.push(t),
      poke: async (): Promise<PokeResult<string>> => (++n < 3 ? { done: false, reason: `try ${n}` } : { done: true, value: 'ok' }),
    });
    expect(value).toBe('ok');
    expect(lines.map((l) => l.replace(/next check in .*/, 'next'))).toEqual(['poke 1: try 1; next\n', 'poke 2: try 2; next\n', 'poke 3: ready\n']);
  });

  it('fails after the timeout with the last reason, having checked once more at the deadline', async () => {
    const clock = fakeClock();
    let pokes = 0;
    const run = pokeUntil({
      what: '/data/x.csv',
      intervalS: 0.001,
      timeoutS: 0.0025,
      signal: new AbortController().signal,
      log: () => undefined,
      now: clock.now,
      poke: async () => {
        pokes++;
        clock.advance(1);
        return { done: false, reason: 'not there yet' };
      },
    });
    await expect(run).rejects.toThrow('/data/x.csv still not ready after 0.0025 s (3 checks; last: not there yet)');
    expect(pokes).toBe(3);
  });

  it('stops waiting the moment the signal aborts', async () => {
    const controller = new AbortController();
    const run = pokeUntil({
      what: 'x',
      intervalS: 3600,
      timeoutS: 7200,
      signal: controller.signal,
      log: () => controller.abort(),
      poke: async () => ({ done: false, reason: 'no' }),
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
  });
});
