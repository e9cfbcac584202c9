import type { ReadLog } from './logController';

/** Reading a whole log from its file (Save): in ranges the host allows, as Blob parts, never one giant string. */

const RANGE = 4 * 1024 * 1024;

export async function readWholeLog(read: ReadLog): Promise<string[]> {
  const parts: string[] = [];
  let start = 0;
  for (;;) {
    const range = await read(start, start + RANGE);
    parts.push(range.text);
    if (range.end >= range.size || range.end <= start) return parts;
    start = range.end;
  }
}

/** A file name that every OS accepts: `<dag>_<run>_<task>_try<n>.log`. */
export function logFileName(dagId: string, runId: string, taskId: string, tryNumber: number): string {
  return `${dagId}_${runId}_${taskId}_try${tryNumber}.log`.replace(/[^A-Za-z0-9_.+-]+/g, '-');
}

export function downloadParts(fileName: string, parts: BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
