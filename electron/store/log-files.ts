import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where a task try's log lives: <dataDir>/logs/<dag_id>/<run_id>/<task_id>/<try>.log (ids cannot contain "/"). */
export function logPath(dagId: string, runId: string, taskId: string, tryNumber: number): string {
  return join('logs', dagId, runId, taskId, `${tryNumber}.log`);
}

export interface LogRange {
  text: string;
  /** Size of the whole file in bytes (it may still grow while the task runs). */
  size: number;
  /** The byte range actually read, moved to whole UTF-8 characters. */
  start: number;
  end: number;
}

const MAX_RANGE = 16 * 1024 * 1024;

/**
 * Reads bytes [start, end) of a log file (default: from the start, at most 16 MiB), so a 100 MB log opens
 * by parts. The range is moved to character boundaries so a multi-byte character is never cut in two.
 */
export function readLogRange(file: string, range: { start?: number; end?: number } = {}): LogRange {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return { text: '', size: 0, start: 0, end: 0 };
  }
  let start = Math.max(0, Math.min(range.start ?? 0, size));
  let end = Math.max(start, Math.min(range.end ?? size, size, start + MAX_RANGE));
  if (end === start) return { text: '', size, start, end };
  const fd = openSync(file, 'r');
  try {
    // Read 3 bytes around each end to find character boundaries.
    const from = Math.max(0, start - 3);
    const to = Math.min(size, end + 3);
    const buffer = Buffer.alloc(to - from);
    const read = readSync(fd, buffer, 0, buffer.length, from);
    const bytes = buffer.subarray(0, read);
    const isContinuation = (pos: number) => pos < from + bytes.length && ((bytes[pos - from] as number) & 0xc0) === 0x80;
    while (start < size && isContinuation(start)) start++;
    while (end < size && end > start && isContinuation(end)) end--;
    return { text: bytes.subarray(start - from, end - from).toString('utf8'), size, start, end };
  } finally {
    closeSync(fd);
  }
}
