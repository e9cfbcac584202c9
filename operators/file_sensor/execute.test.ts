import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logReaches, makeTaskContext } from '../../test/support/task-context';
import { executeFileSensor } from './execute';

describe('file_sensor on a real folder', () => {
  it('waits for a file created mid-wait and returns its path', async () => {
    const context = makeTaskContext({ config: { path: 'exports/*.csv', poke_interval_s: 0.1, timeout_s: 60 } });
    const run = executeFileSensor(context);
    await logReaches(context, 'poke 2: no match yet');
    mkdirSync(join(context.cwd, 'exports'));
    writeFileSync(join(context.cwd, 'exports', 'features.csv'), 'a,b\n');

    const outcome = await run;
    const file = join(context.cwd, 'exports', 'features.csv');
    expect(outcome).toEqual({ state: 'success', returnValue: [file] });
    const lines = context.logText().trimEnd().split('\n');
    expect(lines[0]).toBe(`waiting for anything to match ${join(context.cwd, 'exports/*.csv')} (every 0.1 s, up to 60 s)`);
    expect(lines.at(-2)).toMatch(/^poke \d+: ready$/);
    expect(lines.at(-1)).toBe(`found ${file}`);
  });

  it('succeeds at once when the file is already there', async () => {
    const context = makeTaskContext({ config: { path: 'ready.flag' } });
    writeFileSync(join(context.cwd, 'ready.flag'), '');
    expect(await executeFileSensor(context)).toEqual({ state: 'success', returnValue: [join(context.cwd, 'ready.flag')] });
  });

  it('fails after timeout_s with one line', async () => {
    const context = makeTaskContext({ config: { path: 'never.txt', poke_interval_s: 0.1, timeout_s: 0.3 } });
    await expect(executeFileSensor(context)).rejects.toThrow(
      new RegExp(`^${join(context.cwd, 'never.txt').replace(/[.]/g, '\\.')} still not ready after 0\\.3 s \\(\\d+ checks; last: not there yet\\)$`),
    );
  });

  it('stops the moment the task is cancelled', async () => {
    const context = makeTaskContext({ config: { path: 'never.txt', poke_interval_s: 600, timeout_s: 3600 } });
    const run = executeFileSensor(context);
    await logReaches(context, 'poke 1:');
    context.controller.abort();
    const result = await Promise.race([run.then(() => 'resolved', (e: Error) => e.message), new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
    expect(result).toBe('cancelled');
  });

  it('refuses bad config in one line', async () => {
    const context = makeTaskContext({ config: { path: '', poke_interval_s: 0 } });
    await expect(executeFileSensor(context)).rejects.toThrow('invalid file_sensor config: path: required; poke_interval_s: must be more than 0');
  });
});
