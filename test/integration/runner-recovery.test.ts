import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner } from '../../electron/runner/index';
import { processesWithEnv, processTableAvailable, waitUntil } from '../support/process-table';
import { bash, pipeline } from './runner-fixtures';

const root = new URL('../..', import.meta.url).pathname;

/** The CLI in a process group of its own, so a test can kill it together with its pty host, as a crash of the machine's session would. */
function startCli(args: string[]): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(root, 'bin/dagstudio.js'), 'run', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => err, exited };
}

/*
 * The runner and its pty host are killed with SIGKILL in the middle of a run, leaving a task that
 * ignores hangups and SIGTERM running as an orphan. The next start marks the run failed, consistently,
 * and ends the orphan. When only the runner dies, its pty host ends the tasks at once.
 */
describe.runIf(processTableAvailable())('crash recovery', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dagstudio-recovery-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks a run left running by a killed runner failed on the next start, and ends its orphans', async () => {
    const dataDir = join(dir, 'data');
    const file = join(dir, 'crash.dag.json');
    const p = pipeline(
      'crash',
      [
        bash('quick', 'echo quick'),
        bash('hold', "trap '' HUP TERM\necho started\nsleep 300 & wait; sleep 300"),
        bash('after', 'echo never'),
        bash('other', 'echo other'),
      ],
      [['quick', 'hold'], ['hold', 'after']],
    );
    writeFileSync(file, JSON.stringify(p));
    const cli = startCli([file, '--data-dir', dataDir, '--parallelism', '1']);
    expect(await waitUntil(() => cli.stderr().includes('[hold] started'), 60_000)).toBe(true);
    process.kill(-cli.child.pid!, 'SIGKILL');
    await cli.exited;

    const observer = createRunner({ dataDir });
    const [left] = await observer.listRuns('crash');
    expect(left?.state).toBe('running');
    const runId = left!.run_id;
    // The orphans outlived their runner: they ignore the hangup of the terminal that went away.
    expect(processesWithEnv('DAGSTUDIO_RUN_ID', runId).length).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'runs', `${runId}.pids`))).toBe(true);

    // "Start again": the next dagstudio run recovers before it runs anything.
    const next = join(dir, 'next.dag.json');
    writeFileSync(next, JSON.stringify(pipeline('next', [bash('hello', 'echo hello')], [])));
    const second = startCli([next, '--data-dir', dataDir]);
    expect(await second.exited).toBe(0);
    expect(second.stderr()).toContain(`marked 1 interrupted run(s) failed: ${runId}`);

    expect(processesWithEnv('DAGSTUDIO_RUN_ID', runId)).toEqual([]);
    const record = await observer.getRun(runId);
    expect(record?.state).toBe('failed');
    expect(record?.end).not.toBeNull();
    expect(record?.pgids).toEqual([]);
    expect(record?.tasks.quick?.state).toBe('success');
    expect(record?.tasks.hold?.state).toBe('failed');
    expect(record?.tasks.hold?.error).toBe('the runner stopped while this task ran');
    expect(record?.tasks.hold?.tries[0]?.end).not.toBeNull();
    expect(record?.tasks.after?.state).toBe('skipped');
    for (const ti of Object.values(record!.tasks)) expect(['running', 'queued', 'up_for_retry', 'none']).not.toContain(ti.state);
    const runs = await observer.listRuns();
    expect(runs.map((r) => [r.dag_id, r.state]).sort()).toEqual([
      ['crash', 'failed'],
      ['next', 'success'],
    ]);
    expect(existsSync(join(dataDir, 'runs', `${runId}.pids`))).toBe(false);
    // The log of the interrupted try is still there.
    expect((await observer.readLog(runId, 'hold', 1)).text).toContain('started');
    // Recovering again finds nothing left to do.
    expect(await observer.recover()).toEqual({ runs: [], killed: 0 });
    await observer.close();
  });

  it('ends the tasks of a runner that died when its pty host outlived it', async () => {
    const dataDir = join(dir, 'host');
    const file = join(dir, 'host.dag.json');
    writeFileSync(file, JSON.stringify(pipeline('host_cleanup', [bash('hold', "trap '' HUP\necho started\nsleep 300")], [])));
    const cli = startCli([file, '--data-dir', dataDir]);
    expect(await waitUntil(() => cli.stderr().includes('[hold] started'), 60_000)).toBe(true);
    const observer = createRunner({ dataDir });
    const [run] = await observer.listRuns();
    expect(processesWithEnv('DAGSTUDIO_RUN_ID', run!.run_id).length).toBeGreaterThan(0);
    cli.child.kill('SIGKILL');
    await cli.exited;
    expect(await waitUntil(() => processesWithEnv('DAGSTUDIO_RUN_ID', run!.run_id).length === 0, 10_000)).toBe(true);
    // The history still says running until a runner starts again and recovers it.
    expect((await observer.recover()).runs).toEqual([run!.run_id]);
    expect((await observer.getRun(run!.run_id))?.state).toBe('failed');
    await observer.close();
  });

  it('leaves alone a run whose runner is alive in another process', async () => {
    const dataDir = join(dir, 'shared');
    const file = join(dir, 'live.dag.json');
    writeFileSync(file, JSON.stringify(pipeline('live', [bash('wait', 'echo waiting; sleep 300')], [])));
    const cli = startCli([file, '--data-dir', dataDir]);
    expect(await waitUntil(() => cli.stderr().includes('[wait] waiting'), 60_000)).toBe(true);
    const other = createRunner({ dataDir });
    expect(await other.recover()).toEqual({ runs: [], killed: 0 });
    const [run] = await other.listRuns('live');
    expect(run?.state).toBe('running');
    expect(processesWithEnv('DAGSTUDIO_RUN_ID', run!.run_id).length).toBeGreaterThan(0);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(1);
    expect(processesWithEnv('DAGSTUDIO_RUN_ID', run!.run_id)).toEqual([]);
    expect((await other.getRun(run!.run_id))?.state).toBe('cancelled');
    await other.close();
  });
});
