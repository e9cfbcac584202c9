import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogChunkEvent } from '../../shared/api/events';
import { bash, pipeline, testRunner, type TestRunner } from './runner-fixtures';

describe('log files and log events', () => {
  let t: TestRunner;
  beforeAll(() => {
    t = testRunner();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('writes every line of a chatty task to its file, in order, and streams it in few batched events', async () => {
    const lines = 20_000;
    const p = pipeline('chatty', [bash('talk', `for i in $(seq 1 ${lines}); do echo "line $i é ✓"; done`)], []);
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    const file = readFileSync(join(t.dataDir, record.tasks.talk!.tries[0]!.log), 'utf8');
    const expected = Array.from({ length: lines }, (_, i) => `line ${i + 1} é ✓\n`).join('');
    expect(file).toBe(expected);

    const chunks = t.events.filter((e): e is LogChunkEvent => e.type === 'log' && e.run_id === runId);
    expect(chunks.map((c) => c.text).join('')).toBe(file);
    let offset = 0;
    for (const c of chunks) {
      expect(c.offset).toBe(offset);
      offset += Buffer.byteLength(c.text);
    }
    expect(offset).toBe(Buffer.byteLength(file));
    // Batched: a chunk holds many lines.
    expect(chunks.length).toBeLessThan(lines / 20);
    // Every chunk arrives before the task's final state.
    const last = t.events.findIndex((e) => e.type === 'task-state' && e.run_id === runId && e.state === 'success');
    expect(t.events.lastIndexOf(chunks[chunks.length - 1]!)).toBeLessThan(last);
  });

  it('reads a log back by byte ranges, never cutting a character in two', async () => {
    const p = pipeline('ranges', [bash('talk', 'for i in $(seq 1 500); do echo "é$i"; done')], []);
    const { runId, done } = await t.runner.start(p);
    await done;
    const whole = await t.runner.readLog(runId, 'talk', 1);
    expect(whole.text.split('\n')).toHaveLength(501);
    expect(whole.size).toBe(Buffer.byteLength(whole.text));
    let text = '';
    for (let start = 0; start < whole.size; ) {
      const part = await t.runner.readLog(runId, 'talk', 1, { start, end: start + 7 });
      expect(part.text).not.toContain('\uFFFD');
      text += part.text;
      start = part.end > start ? part.end : start + 1;
    }
    expect(text).toBe(whole.text);
    await expect(t.runner.readLog(runId, 'talk', 2)).rejects.toThrow(/no try 2/);
  });

  it('keeps what a terminal needs (colours, carriage returns of progress bars) and writes the terminal newline as \\n', async () => {
    const p = pipeline('terminal', [bash('bar', "printf '\\e[31mred\\e[0m\\n'; printf '10%%\\r50%%\\r100%%\\n'")], []);
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    const log = (await t.runner.readLog(runId, 'bar', 1)).text;
    expect(log).toBe('\u001b[31mred\u001b[0m\n10%\r50%\r100%\n');
    expect(record.tasks.bar?.return_value).toBe('100%');
  });
});
