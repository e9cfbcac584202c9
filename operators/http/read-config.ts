import { configReader } from '../read-config';

/* One config reader for every operator family (operators/read-config.ts); these executors' lines start with "invalid". */
export const readConfig = configReader('invalid');

/** The last resort for unexpected errors: their first line only, never a stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? 'unknown error';
  return first.trim();
}
