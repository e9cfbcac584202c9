import type { HostEvent, RunEvent } from '../../shared/api';

/**
 * Batches one client's run events: at most one message per run every `intervalMs` (≈30 a second), with
 * consecutive log chunks of the same task try merged into one. Order within a run is kept (a task's last log
 * text arrives before its `success`), so a task printing a million lines costs the client a few dozen messages.
 * A message carries at most `maxLogBytes` of log text: a backlog (a client that fell behind, a flood of
 * output) leaves as several messages back to back, each one short work for the page, never one huge one
 * that holds its main thread (decoding and parsing megabytes at once is a long task).
 */

export interface EventBatcher {
  push(event: RunEvent): void;
  /** Sends everything queued now (before a reply that must not overtake events, or on close). */
  flush(): void;
  close(): void;
}

export interface EventBatcherOptions {
  /** Sends one message; returning false means "the client is behind, try again later" (the queue keeps merging). */
  send: (events: HostEvent[]) => boolean | void;
  intervalMs?: number;
  maxLogBytes?: number;
  now?: () => number;
}

interface RunQueue {
  events: RunEvent[];
  /** Byte length of the last queued log chunk's text, so merging needs no re-measure. */
  lastLogBytes: number;
  lastSent: number;
  timer: ReturnType<typeof setTimeout> | null;
}

export const DEFAULT_BATCH_INTERVAL_MS = 34;
export const DEFAULT_MAX_LOG_BYTES = 128 * 1024;
const FINISHED_RUN_STATES = new Set(['success', 'failed', 'cancelled']);

export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const interval = options.intervalMs ?? DEFAULT_BATCH_INTERVAL_MS;
  const maxLogBytes = options.maxLogBytes ?? DEFAULT_MAX_LOG_BYTES;
  const now = options.now ?? Date.now;
  const runs = new Map<string, RunQueue>();
  let closed = false;

  /** Sends the queue's next message (up to maxLogBytes of log text); false if the client is behind. */
  const sendNext = (runId: string, queue: RunQueue): boolean => {
    let count = 0;
    let bytes = 0;
    while (count < queue.events.length) {
      const e = queue.events[count] as RunEvent;
      const size = e.type === 'log' ? (count === queue.events.length - 1 ? queue.lastLogBytes : Buffer.byteLength(e.text)) : 0;
      if (count > 0 && bytes + size > maxLogBytes) break;
      bytes += size;
      count++;
    }
    const batch = count === queue.events.length ? queue.events : queue.events.slice(0, count);
    if (options.send(batch) === false) return false;
    queue.events = count === queue.events.length ? [] : queue.events.slice(count);
    if (queue.events.length === 0) queue.lastLogBytes = 0;
    queue.lastSent = now();
    // A finished run sends no more (a retry or clear starts it again with a fresh queue), so forget it.
    if (queue.events.length === 0 && batch.some((e) => e.type === 'run-state' && FINISHED_RUN_STATES.has(e.state))) runs.delete(runId);
    return true;
  };

  const sendRun = (runId: string, queue: RunQueue) => {
    queue.timer = null;
    if (queue.events.length === 0) return;
    if (!sendNext(runId, queue)) {
      schedule(runId, queue);
      return;
    }
    // The rest of a backlog follows in the next turn of the event loop, not after a whole interval.
    if (queue.events.length > 0 && !closed) queue.timer = setTimeout(() => sendRun(runId, queue), 0);
  };

  const schedule = (runId: string, queue: RunQueue) => {
    if (queue.timer || closed) return;
    const wait = Math.max(0, queue.lastSent + interval - now());
    queue.timer = setTimeout(() => sendRun(runId, queue), wait);
  };

  return {
    push(event) {
      if (closed) return;
      let queue = runs.get(event.run_id);
      if (!queue) {
        queue = { events: [], lastLogBytes: 0, lastSent: 0, timer: null };
        runs.set(event.run_id, queue);
      }
      const last = queue.events[queue.events.length - 1];
      if (
        event.type === 'log' &&
        last?.type === 'log' &&
        last.task_id === event.task_id &&
        last.try_number === event.try_number &&
        last.offset + queue.lastLogBytes === event.offset &&
        queue.lastLogBytes < maxLogBytes
      ) {
        const bytes = Buffer.byteLength(event.text);
        queue.events[queue.events.length - 1] = { ...last, text: last.text + event.text };
        queue.lastLogBytes += bytes;
      } else {
        queue.events.push(event);
        queue.lastLogBytes = event.type === 'log' ? Buffer.byteLength(event.text) : 0;
      }
      schedule(event.run_id, queue);
    },
    flush() {
      for (const [runId, queue] of [...runs]) {
        if (queue.timer) clearTimeout(queue.timer);
        queue.timer = null;
        while (queue.events.length > 0) {
          if (!sendNext(runId, queue)) {
            schedule(runId, queue);
            break;
          }
        }
      }
    },
    close() {
      closed = true;
      for (const queue of runs.values()) if (queue.timer) clearTimeout(queue.timer);
      runs.clear();
    },
  };
}
