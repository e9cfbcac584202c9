import type { AppEvent, HostEvent, ReplyEnvelope, RunEvent } from '../../shared/api';
import type { SessionControls } from './context';
import { createEventBatcher, type EventBatcher } from './event-batcher';

/**
 * One connected client (a browser tab over WebSocket, or Electron's window over IPC): which runs it listens to,
 * its event batcher, and its requests. The host fans every run event out to every session; each keeps its own.
 */

export interface Session {
  /** Handles one request and resolves with its reply envelope (never rejects). */
  request(method: unknown, params: unknown): Promise<ReplyEnvelope>;
  /** Sends an app event (menu command, file to open) to this client right away. */
  push(event: AppEvent): void;
  close(): void;
}

export interface SessionInternals extends SessionControls {
  deliver(event: RunEvent): void;
  flush(): void;
  close(): void;
}

export interface SessionOptions {
  send: (events: HostEvent[]) => boolean | void;
  batchIntervalMs?: number;
}

export function createSessionState(options: SessionOptions): SessionInternals & { push(event: AppEvent): void } {
  const runs = new Set<string>();
  let all = false;
  /* Starts in flight: each keeps the events of runs nobody here listens to yet, until its run id is known. */
  const captures = new Set<RunEvent[]>();
  const batcher: EventBatcher = createEventBatcher({
    send: options.send,
    ...(options.batchIntervalMs !== undefined ? { intervalMs: options.batchIntervalMs } : {}),
  });

  const wants = (event: RunEvent) => all || runs.has(event.run_id);

  return {
    subscribe(runId) {
      if (runId === '*') all = true;
      else runs.add(runId);
    },
    unsubscribe(runId) {
      if (runId === '*') all = false;
      else runs.delete(runId);
    },
    async capture(start, runIdOf) {
      const captured: RunEvent[] = [];
      captures.add(captured);
      try {
        const result = await start();
        const runId = runIdOf(result);
        if (runId !== null) {
          const missed = captured.filter((e) => e.run_id === runId && !wants(e));
          runs.add(runId);
          for (const e of missed) batcher.push(e);
        }
        return result;
      } finally {
        captures.delete(captured);
      }
    },
    deliver(event) {
      if (wants(event)) batcher.push(event);
      else for (const captured of captures) captured.push(event);
    },
    flush: () => batcher.flush(),
    push(event) {
      options.send([event]);
    },
    close() {
      batcher.close();
      runs.clear();
    },
  };
}
