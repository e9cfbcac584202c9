import { afterEach, describe, expect, it } from 'vitest';
import { appendLog, logBuffer, onLogChunk, resetLogs } from './logStore';

const chunk = (task: string, offset: number, text: string, tryNumber = 1) => ({ type: 'log' as const, run_id: 'r', task_id: task, try_number: tryNumber, offset, text });

afterEach(resetLogs);

describe('logStore', () => {
  it('keeps each try apart and hands a viewer only the new part of each chunk', () => {
    const seen: string[] = [];
    const stop = onLogChunk('r', 'a', 1, (c) => seen.push(`${c.offset}:${c.text}`));
    appendLog(chunk('a', 0, 'hello\n'));
    appendLog(chunk('a', 3, 'lo\nworld\n'));
    appendLog(chunk('a', 0, 'other try\n', 2));
    appendLog(chunk('b', 0, 'b says hi\n'));
    stop();
    appendLog(chunk('a', 12, 'unseen\n'));
    expect(seen).toEqual(['0:hello\n', '6:world\n']);
    expect(logBuffer('r', 'a', 1)!.text()).toBe('hello\nworld\nunseen\n');
    expect(logBuffer('r', 'a', 2)!.text()).toBe('other try\n');
  });

  it('holds a bounded number of tries, never dropping one that is being viewed', () => {
    const stop = onLogChunk('r', 'watched', 1, () => {});
    appendLog(chunk('watched', 0, 'x'));
    for (let i = 0; i < 200; i++) appendLog(chunk(`t${i}`, 0, 'y'));
    expect(logBuffer('r', 'watched', 1)).toBeDefined();
    expect(logBuffer('r', 't0', 1)).toBeUndefined();
    expect(logBuffer('r', 't199', 1)).toBeDefined();
    stop();
  });
});
