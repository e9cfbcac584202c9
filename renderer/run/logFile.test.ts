import { describe, expect, it } from 'vitest';
import { logFileName, readWholeLog } from './logFile';

describe('readWholeLog', () => {
  it('reads range after range until the end of the file', async () => {
    const file = 'x'.repeat(10 * 1024 * 1024 + 5);
    const asked: number[] = [];
    const parts = await readWholeLog(async (start, end) => {
      asked.push(start);
      const stop = Math.min(end, file.length);
      return { text: file.slice(start, stop), start, end: stop, size: file.length };
    });
    expect(parts.join('')).toBe(file);
    expect(asked).toEqual([0, 4 * 1024 * 1024, 8 * 1024 * 1024]);
  });

  it('stops on an empty file', async () => {
    expect(await readWholeLog(async () => ({ text: '', start: 0, end: 0, size: 0 }))).toEqual(['']);
  });
});

describe('logFileName', () => {
  it('names the pipeline, run, task and try, without characters file systems refuse', () => {
    expect(logFileName('demo', 'manual__2026-01-01T10:00:00.000Z', 'train', 2)).toBe('demo_manual__2026-01-01T10-00-00.000Z_train_try2.log');
  });
});
