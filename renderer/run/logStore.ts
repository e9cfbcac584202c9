import type { LogChunkEvent } from '../../shared/api';
import { LogBuffer } from './logBuffer';

/*
 * Live log text by task try, outside React: chunks go into a bounded buffer and straight to the open log view,
 * which writes them to its terminal. Nothing here re-renders a component.
 */

/** Bytes kept per task try; older text is read back from the log file when someone scrolls up to it. */
export const BUFFER_BYTES = 1024 * 1024;
/** Task tries held at once; the least recently written without a viewer goes first. */
const MAX_BUFFERS = 64;

export type LogChunk = { offset: number; text: string };
type Listener = (chunk: LogChunk) => void;

const buffers = new Map<string, LogBuffer>();
const listeners = new Map<string, Set<Listener>>();

export const logKey = (runId: string, taskId: string, tryNumber: number): string => `${runId}\u0000${taskId}\u0000${tryNumber}`;

export function appendLog(event: LogChunkEvent): void {
  const key = logKey(event.run_id, event.task_id, event.try_number);
  let buffer = buffers.get(key);
  if (buffer) {
    // Re-inserting keeps the map in least-recently-written order for eviction.
    buffers.delete(key);
  } else {
    buffer = new LogBuffer(BUFFER_BYTES);
    evict();
  }
  buffers.set(key, buffer);
  const fresh = buffer.append(event.offset, event.text);
  if (!fresh) return;
  for (const listener of listeners.get(key) ?? []) listener(fresh);
}

function evict(): void {
  if (buffers.size < MAX_BUFFERS) return;
  for (const key of buffers.keys()) {
    if (!listeners.get(key)?.size) {
      buffers.delete(key);
      if (buffers.size < MAX_BUFFERS) return;
    }
  }
}

export function logBuffer(runId: string, taskId: string, tryNumber: number): LogBuffer | undefined {
  return buffers.get(logKey(runId, taskId, tryNumber));
}

/** Calls `listener` with each new piece of the try's log; returns the function that stops it. */
export function onLogChunk(runId: string, taskId: string, tryNumber: number, listener: Listener): () => void {
  const key = logKey(runId, taskId, tryNumber);
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(key);
  };
}

/** Forgets every buffer (tests; a new data folder). */
export function resetLogs(): void {
  buffers.clear();
}
