import WebSocket from 'ws';
import type { HostEvent } from '../../../shared/api';
import { createWsClient, type WsClient } from '../../../renderer/host/ws-client';

/**
 * The renderer's own WebSocket client (renderer/host/ws-client.ts) driven from Node, for host tests over a real
 * socket: `connectClient(origin, token)` plus an event recorder, and every raw frame the host sent, so a test can
 * prove a secret never crossed the wire.
 */

export interface TestClient extends WsClient {
  /** Every event received, in order. */
  events: HostEvent[];
  /** Every raw text frame received from the host. */
  frames: string[];
  /** Resolves with the first recorded event (past or future) that matches. */
  waitForEvent(match: (event: HostEvent) => boolean, timeoutMs?: number): Promise<HostEvent>;
}

export async function connectClient(origin: string, token: string): Promise<TestClient> {
  const frames: string[] = [];
  class RecordingSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      this.on('message', (data: Buffer) => frames.push(data.toString('utf8')));
    }
  }
  const client = createWsClient({
    url: `${origin.replace(/^http/, 'ws')}/api?token=${token}`,
    WebSocketImpl: RecordingSocket as unknown as NonNullable<Parameters<typeof createWsClient>[0]['WebSocketImpl']>,
    reconnectDelayMs: 100,
  });
  const events: HostEvent[] = [];
  const waiters = new Set<{ match: (e: HostEvent) => boolean; resolve: (e: HostEvent) => void }>();
  client.api.onEvent((event) => {
    events.push(event);
    for (const w of [...waiters]) {
      if (w.match(event)) {
        waiters.delete(w);
        w.resolve(event);
      }
    }
  });
  await client.ready();
  return Object.assign(client, {
    events,
    frames,
    waitForEvent(match: (event: HostEvent) => boolean, timeoutMs = 60_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise<HostEvent>((resolve, reject) => {
        const waiter = { match, resolve: (e: HostEvent) => (clearTimeout(timer), resolve(e)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${events.length} events, last: ${JSON.stringify(events.slice(-3))}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  });
}
