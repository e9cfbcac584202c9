import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HostEvent } from '../../shared/api';
import { connectClient } from '../e2e/support/host-client';
import { startServe } from '../e2e/support/serve-process';

/** Stopping `dagstudio serve` (SIGTERM / Ctrl-C) cancels what runs, leaves no process behind, and exits 0. */

const scratch = mkdtempSync(join(tmpdir(), 'serve-shutdown-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('dagstudio serve: shutting down', () => {
  it('cancels an active run on SIGTERM, ends its processes and exits 0; the history says cancelled', async () => {
    const dataDir = join(scratch, 'data');
    const home = join(scratch, 'home');
    const pidFile = join(home, 'task.pid');
    const first = await startServe({ dataDir, home });
    const client = await connectClient(first.origin, first.token);
    const started = await client.api.runs.start({
      pipeline: {
        format: 'dagstudio/pipeline',
        version: 1,
        id: 'long_one',
        tasks: [{ id: 'sleeper', operator: 'bash', config: { command: `echo $$ > ${pidFile}; echo started; sleep 300` }, position: { x: 0, y: 0 } }],
      },
    });
    if (!('run_id' in started)) throw new Error(JSON.stringify(started.problems));
    await client.waitForEvent((e: HostEvent) => e.type === 'log' && e.text.includes('started'));
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(() => process.kill(pid, 0)).not.toThrow();

    const code = await first.stop(30_000);
    client.close();
    expect(code, first.stderr()).toBe(0);
    expect(first.stderr()).toContain('cancelling active runs');
    expect(() => process.kill(pid, 0)).toThrow();

    const second = await startServe({ dataDir, home });
    try {
      const again = await connectClient(second.origin, second.token);
      const { run } = await again.api.runs.get({ run_id: started.run_id });
      expect(run.state).toBe('cancelled');
      expect(run.tasks.sleeper!.state).not.toBe('running');
      again.close();
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(existsSync(dataDir)).toBe(true);
  });
});
