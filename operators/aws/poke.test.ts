import { describe, expect, it } from 'vitest';
import { CancelledError } from './cancel';
import { pokeUntil } from './poke';

function schedule(overrides: Partial<Parameters<typeof pokeUntil>[1]> = {}) {
  const lines: string[] = [];
  return { lines, schedule: { target: 's3://b/k', intervalMs: 10, timeoutMs: 60_000, signal: new AbortController().signal, log: (t: string) => lines.push(t), ...overrides } };
}

describe('pokeUntil', () => {
  it('checks again after each interval until something is found, logging each miss', async () => {
    let calls = 0;
    const { lines, schedule: s } = schedule();
    const found = await pokeUntil(async () => (++calls < 3 ? [] : ['k']), s);
    expect(found).toEqual(['k']);
    expect(lines).toEqual(['check 1: not there yet; next check in 0.01 s\n', 'check 2: not there yet; next check in 0.01 s\n']);
  });

  it('fails with a clear line once the timeout has passed, checking one last time at the deadline', async () => {
    let clock = 0;
    let calls = 0;
    const { schedule: s } = schedule({ intervalMs: 1, timeoutMs: 2500, now: () => clock });
    const poke = async () => {
      calls++;
      clock += 1000;
      return [];
    };
    await expect(pokeUntil(poke, s)).rejects.toThrow('s3://b/k still missing after 2.5 s (3 checks)');
    expect(calls).toBe(3);
  });

  it('ends a long wait at once when cancelled', async () => {
    const controller = new AbortController();
    const { schedule: s } = schedule({ intervalMs: 600_000, signal: controller.signal });
    const waiting = pokeUntil(async () => [], s);
    setTimeout(() => controller.abort(), 20);
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
  });

  it('lets an error of a check end the loop', async () => {
    const { schedule: s } = schedule();
    await expect(pokeUntil(() => Promise.reject(new Error('bucket "b" does not exist')), s)).rejects.toThrow('bucket "b" does not exist');
  });
});
