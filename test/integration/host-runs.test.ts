import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, LogChunkEvent, RunEvent } from '../../shared/api';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Server } from '../../electron/serve';
import { connectClient, type TestClient } from '../e2e/support/host-client';
import { startTestHost, type TestHost } from '../support/host-server';
import { bash, pipeline as pipelineOf } from './runner-fixtures';

/** runs.* and the run events over a real WebSocket, with real processes. */

let home: string;
let server: Server;
let client: TestClient;
let host: TestHost;

const isRunEvent = (e: HostEvent): e is RunEvent => e.type === 'run-state' || e.type === 'task-state' || e.type === 'log';
const eventsOf = (c: TestClient, runId: string) => c.events.filter(isRunEvent).filter((e) => e.run_id === runId);
const finished = (runId: string, state?: string) => (e: HostEvent) =>
  e.type === 'run-state' && e.run_id === runId && (state ? e.state === state : ['success', 'failed', 'cancelled'].includes(e.state));
const taskReached = (runId: string, taskId: string, state: string, tryNumber = 1) => (e: HostEvent) =>
  e.type === 'task-state' && e.run_id === runId && e.task_id === taskId && e.state === state && e.try_number === tryNumber;

async function start(pipeline: Pipeline, extra: Record<string, unknown> = {}): Promise<string> {
  const started = await client.api.runs.start({ pipeline, ...extra });
  if (!('run_id' in started)) throw new Error(`not started: ${JSON.stringify(started.problems)}`);
  return started.run_id;
}

function logText(c: TestClient, runId: string, taskId: string, tryNumber = 1): string {
  const chunks = eventsOf(c, runId).filter((e): e is LogChunkEvent => e.type === 'log' && e.task_id === taskId && e.try_number === tryNumber);
  let expected = 0;
  for (const chunk of chunks) {
    expect(chunk.offset).toBe(expected);
    expected += Buffer.byteLength(chunk.text);
  }
  return chunks.map((c) => c.text).join('');
}

beforeAll(async () => {
  host = await startTestHost('host-runs');
  ({ home, server, client } = host);
});

afterAll(async () => {
  await host?.close();
});

describe('runs over a WebSocket', () => {
  it('starts a run and streams its state changes in order, then its log chunks in order', async () => {
    const pipeline = pipelineOf('ordered', [bash('first', 'for i in 1 2 3; do echo "line $i"; done'), bash('second', 'echo ünïcödé; echo done')], [['first', 'second']]);
    const runId = await start(pipeline);
    await client.waitForEvent(finished(runId));
    const events = eventsOf(client, runId);
    const states = events.filter((e) => e.type !== 'log').map((e) => (e.type === 'run-state' ? `run:${e.state}` : `${e.task_id}:${e.state}`));
    expect(states[0]).toBe('run:running');
    expect(states.at(-1)).toBe('run:success');
    const order = (s: string) => states.indexOf(s);
    expect(order('first:running')).toBeGreaterThan(-1);
    expect(order('first:running')).toBeLessThan(order('first:success'));
    expect(order('first:success')).toBeLessThan(order('second:running'));
    expect(order('second:running')).toBeLessThan(order('second:success'));
    // A task's log arrives between its running and its final state.
    const firstLog = events.findIndex((e) => e.type === 'log' && e.task_id === 'first');
    expect(firstLog).toBeGreaterThan(events.findIndex((e) => e.type === 'task-state' && e.task_id === 'first' && e.state === 'running'));
    expect(firstLog).toBeLessThan(events.findIndex((e) => e.type === 'task-state' && e.task_id === 'first' && e.state === 'success'));
    expect(logText(client, runId, 'first')).toMatch(/line 1\r?\nline 2\r?\nline 3/);
    expect(logText(client, runId, 'second')).toContain('ünïcödé');

    const { run } = await client.api.runs.get({ run_id: runId });
    expect(run).toMatchObject({ run_id: runId, dag_id: 'ordered', state: 'success', tasks: { first: { state: 'success' }, second: { state: 'success', return_value: 'done' } } });
    const { runs } = await client.api.runs.list({ dag_id: 'ordered' });
    expect(runs.map((r) => r.run_id)).toEqual([runId]);
    expect((await client.api.runs.list({ active: true })).runs).toEqual([]);
  });

  it('reads a log by byte range, never splitting a character', async () => {
    const pipeline = pipelineOf('ranges', [bash('t', 'printf "abc\\nétoile\\nxyz\\n"')]);
    const runId = await start(pipeline);
    await client.waitForEvent(finished(runId, 'success'));
    const whole = await client.api.runs.readLog({ run_id: runId, task_id: 't', try_number: 1 });
    expect(whole.text).toContain('étoile');
    expect(whole.start).toBe(0);
    expect(whole.end).toBe(whole.size);
    const bytes = Buffer.from(whole.text);
    const at = bytes.indexOf('étoile');
    const part = await client.api.runs.readLog({ run_id: runId, task_id: 't', try_number: 1, start: at, end: at + 7 });
    expect(part).toMatchObject({ text: 'étoile', start: at, end: at + 7, size: whole.size });
    // Starting inside the two bytes of "é" moves to the next whole character.
    const inside = await client.api.runs.readLog({ run_id: runId, task_id: 't', try_number: 1, start: at + 1, end: at + 7 });
    expect(inside.text).toBe('toile');
    expect(inside.start).toBe(at + 2);
    await expect(client.api.runs.readLog({ run_id: runId, task_id: 't', try_number: 9 })).rejects.toMatchObject({ code: 'not-found' });
    const saved = await client.api.runs.saveLog({ run_id: runId, task_id: 't', try_number: 1, path: join(home, 't.log') });
    expect(saved).toEqual({ path: join(home, 't.log'), bytes: whole.size });
    expect(readFileSync(join(home, 't.log'), 'utf8')).toBe(whole.text);
    await expect(client.api.runs.saveLog({ run_id: runId, task_id: 't', try_number: 1, path: join(home, '.bashrc') })).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(client.api.runs.readLog({ run_id: runId, task_id: 'nope', try_number: 1 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(client.api.runs.readLog({ run_id: runId, task_id: 't', try_number: 1, start: 5, end: 2 })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('cancels a run: the task ends, nothing stays running, the run ends cancelled', async () => {
    const pidFile = join(home, 'sleeper.pid');
    const pipeline = pipelineOf('cancel_me', [bash('sleeper', `echo $$ > ${pidFile}; echo started; sleep 300`), bash('after', 'echo never')], [['sleeper', 'after']]);
    const runId = await start(pipeline);
    await client.waitForEvent((e) => e.type === 'log' && e.run_id === runId && e.text.includes('started'));
    expect((await client.api.runs.list({ active: true })).runs.map((r) => r.run_id)).toEqual([runId]);
    await expect(client.api.runs.cancel({ run_id: runId })).resolves.toEqual({ run_id: runId, cancelled: true });
    await client.waitForEvent(finished(runId, 'cancelled'));
    const { run } = await client.api.runs.get({ run_id: runId });
    expect(run.state).toBe('cancelled');
    for (const ti of Object.values(run.tasks)) expect(['running', 'queued', 'scheduled', 'up_for_retry']).not.toContain(ti.state);
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(client.api.runs.cancel({ run_id: runId })).resolves.toEqual({ run_id: runId, cancelled: false });
    await expect(client.api.runs.cancel({ run_id: 'no_such_run' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('retries a failed task and the run succeeds', async () => {
    const flag = join(home, 'retry.flag');
    const pipeline = pipelineOf('retry_me', [bash('flaky', `if [ -f ${flag} ]; then echo ok; else touch ${flag}; echo failing; exit 1; fi`), bash('after', 'echo after')], [['flaky', 'after']]);
    const runId = await start(pipeline);
    await client.waitForEvent(finished(runId, 'failed'));
    expect((await client.api.runs.get({ run_id: runId })).run.tasks.after!.state).toBe('upstream_failed');
    await expect(client.api.runs.retryTask({ run_id: runId, task_id: 'flaky' })).resolves.toEqual({ run_id: runId });
    await client.waitForEvent(finished(runId, 'success'));
    const { run } = await client.api.runs.get({ run_id: runId });
    expect(run.tasks.flaky).toMatchObject({ state: 'success', try_number: 2 });
    expect(run.tasks.after!.state).toBe('success');
    expect(logText(client, runId, 'flaky', 2)).toContain('ok');
    await expect(client.api.runs.retryTask({ run_id: runId, task_id: 'ghost' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('clears a task and its downstream and runs them again', async () => {
    const counter = join(home, 'count');
    const pipeline = pipelineOf('clear_me', [bash('up', 'echo up'), bash('mid', `echo x >> ${counter}; wc -l < ${counter}`), bash('down', 'echo down')], [['up', 'mid'], ['mid', 'down']]);
    const runId = await start(pipeline);
    await client.waitForEvent(finished(runId, 'success'));
    const before = client.events.length;
    await client.api.runs.clearTask({ run_id: runId, task_id: 'mid' });
    await client.waitForEvent(taskReached(runId, 'down', 'success', 2));
    await client.waitForEvent((e) => finished(runId, 'success')(e) && client.events.indexOf(e) >= before);
    const { run } = await client.api.runs.get({ run_id: runId });
    expect(run.tasks.up).toMatchObject({ state: 'success', try_number: 1 });
    expect(run.tasks.mid).toMatchObject({ state: 'success', try_number: 2, return_value: '2' });
    expect(run.tasks.down).toMatchObject({ state: 'success', try_number: 2 });
  });

  it('runs only the chosen tasks, reusing an earlier run’s return values', async () => {
    const pipeline = pipelineOf('partial', [bash('make', 'echo 41'), bash('use', "echo $(( {{ ti.xcom_pull(task_ids='make') }} + 1 ))")], [['make', 'use']]);
    const first = await start(pipeline);
    await client.waitForEvent(finished(first, 'success'));
    const second = await start(pipeline, { tasks: ['use'], reuse_run_id: first });
    await client.waitForEvent(finished(second, 'success'));
    const { run } = await client.api.runs.get({ run_id: second });
    expect(run.tasks.make!.state).toBe('none');
    expect(run.tasks.use).toMatchObject({ state: 'success', return_value: '42' });
  });

  it('refuses an invalid pipeline with its problems, and a file outside the allowed folders', async () => {
    const broken = pipelineOf('broken', [{ id: 'x', operator: 'bash', config: {}, position: { x: 0, y: 0 } }]);
    const reply = await client.api.runs.start({ pipeline: broken });
    expect(reply).toEqual({ problems: [expect.objectContaining({ path: 'tasks[0].config.command' })] });
    const unknown = await client.api.runs.start({ pipeline: pipelineOf('p', [bash('a', 'true')]), tasks: ['zzz'] });
    expect(unknown).toMatchObject({ problems: [expect.objectContaining({ message: expect.stringMatching(/zzz/) })] });
    await expect(client.api.runs.start({ path: '/etc/passwd' })).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(client.api.runs.start({})).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('starts a saved file by path, in its folder', async () => {
    const path = join(home, 'where.dag.json');
    await client.api.pipelines.save({ path, pipeline: pipelineOf('where', [bash('pwd', 'pwd')]) });
    const runId = (await client.api.runs.start({ path })) as { run_id: string };
    await client.waitForEvent(finished(runId.run_id, 'success'));
    expect((await client.api.runs.get({ run_id: runId.run_id })).run).toMatchObject({ pipeline_path: path, tasks: { pwd: { return_value: home } } });
  });

  it('sends a run’s events to a client that subscribed to all runs, and stops after unsubscribing', async () => {
    const watcher = await connectClient(`http://127.0.0.1:${server.port}`, server.token);
    try {
      await watcher.api.runs.subscribe({ all: true });
      const runId = await start(pipelineOf('watched', [bash('w', 'echo watched')]));
      await watcher.waitForEvent(finished(runId, 'success'));
      expect(logText(watcher, runId, 'w')).toContain('watched');
      await watcher.api.runs.unsubscribe({ all: true });
      const quiet = await start(pipelineOf('unwatched', [bash('q', 'echo quiet')]));
      await client.waitForEvent(finished(quiet, 'success'));
      // The request after the run ended is answered after any event the host would have sent before it.
      await watcher.api.app.info();
      expect(eventsOf(watcher, quiet)).toEqual([]);
    } finally {
      watcher.close();
    }
  });

  it('batches a flood of log lines into few messages with every byte of the log file in order', async () => {
    const runId = await start(pipelineOf('flood', [bash('loud', 'seq 1 20000')]));
    await client.waitForEvent(finished(runId, 'success'));
    const chunks = eventsOf(client, runId).filter((e) => e.type === 'log');
    const text = logText(client, runId, 'loud');
    const file = await client.api.runs.readLog({ run_id: runId, task_id: 'loud', try_number: 1, start: 0, end: 4 * 1024 * 1024 });
    expect(file.end).toBe(file.size);
    // What the client was sent is exactly the log file: no chunk lost, repeated or reordered by the batching.
    expect(text).toBe(file.text);
    const lines = text.split(/\r?\n/).filter(Boolean);
    expect(lines.length).toBeGreaterThan(1000);
    lines.forEach((line, i) => {
      // (The runner's own tests own the log file's completeness; here the last line may be the file's cut-off end.)
      const ok = i === lines.length - 1 ? String(i + 1).startsWith(line) : line === String(i + 1);
      if (!ok) throw new Error(`line ${i + 1} is "${line}"`);
    });
    expect(chunks.length).toBeLessThan(lines.length / 20);
    const frames = client.frames.filter((f) => f.startsWith('{"events"') && f.includes(`"run_id":"${runId}"`));
    expect(frames.length).toBeLessThanOrEqual(chunks.length + 4);
  });
});
