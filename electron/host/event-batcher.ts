import type { HostEvent, RunEvent } from '../../shared/api';

/**
 * Batches one client's run events: at most one message per run every `intervalMs` (≈30 a second), with
 * consecutive log chunks of the same task try merged into one. Order within a run is kept (a task's last log
 * text arrives before its `success`), so a task printing a million lines costs the client a few dozen messages.
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
const FINISHED_RUN_STATES = new Set(['success', 'failed', 'cancelled']);

export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const interval = options.intervalMs ?? DEFAULT_BATCH_INTERVAL_MS;
  const now = options.now ?? Date.now;
  const runs = new Map<string, RunQueue>();
  let closed = false;

  const sendRun = (runId: string, queue: RunQueue) => {
    queue.timer = null;
    if (queue.events.length === 0) return;
    if (options.send(queue.events) === false) {
      schedule(runId, queue);
      return;
    }
    const finished = queue.events.some((e) => e.type === 'run-state' && FINISHED_RUN_STATES.has(e.state));
    queue.events = [];
    queue.lastSent = now();
    // A finished run sends no more (a retry or clear starts it again with a fresh queue), so forget it.
    if (finished) runs.delete(runId);
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
        last.offset + queue.lastLogBytes === event.offset
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
      for (const [runId, queue] of runs) {
        if (queue.timer) clearTimeout(queue.timer);
        sendRun(runId, queue);
      }
    },
    close() {
      closed = true;
      for (const queue of runs.values()) if (queue.timer) clearTimeout(queue.timer);
      runs.clear();
    },
  };
}
