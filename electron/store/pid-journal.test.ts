import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import { ownerAlive, PidJournal, processStartTime, readJournal } from './pid-journal';

describe('PidJournal', () => {
  it('tells which process groups are still live and how each try ended', () => {
    const path = join(tempDir('dagstudio-journal-'), 'r.pids');
    const journal = new PidJournal(path);
    journal.started(1001, 'a', 1);
    journal.started(1002, 'b', 1);
    journal.tryEnded('a', 1, 'up_for_retry', 3);
    journal.started(1003, 'a', 2);
    journal.close();
    const state = readJournal(path)!;
    expect(state.owners).toEqual([{ pid: process.pid, start: processStartTime(process.pid) ?? 0 }]);
    expect(state.live.sort()).toEqual([1002, 1003]);
    expect(state.tries.get('a')).toEqual({ tryNumber: 2, state: null, exitCode: null });
    expect(state.tries.get('b')).toEqual({ tryNumber: 1, state: null, exitCode: null });
  });

  it('knows this process is alive and a made-up one is not', () => {
    expect(ownerAlive({ pid: process.pid, start: processStartTime(process.pid) ?? 0 })).toBe(true);
    expect(ownerAlive({ pid: 2 ** 22 + 12345, start: 1 })).toBe(false);
  });
});
