import {
  buildApi,
  HostError,
  type DagstudioApi,
  type EventListener,
  type HostEvent,
  type HostFrame,
  type Method,
  type RequestFrame,
} from '../../shared/api';

/**
 * The browser's transport to `dagstudio serve`: the same DagstudioApi as Electron's preload, over one WebSocket.
 * Requests carry ids and resolve with their reply; events arrive in batches; a lost connection is reopened
 * (with backoff) and the client's run subscriptions are renewed, so a host restart does not silence the UI.
 */

type Socket = Pick<WebSocket, 'send' | 'close' | 'readyState'> & {
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
};
type SocketFactory = new (url: string) => Socket;

export type ConnectionStatus = 'connecting' | 'open' | 'closed';

export interface WsClientOptions {
  /** ws://127.0.0.1:PORT/api (the browser sends the access cookie; other clients add `?token=`). */
  url: string;
  /** The WebSocket class (the browser's by default; Node tests pass the `ws` package's). */
  WebSocketImpl?: SocketFactory;
  /** First reconnect delay; doubles up to 5 s. */
  reconnectDelayMs?: number;
}

export interface WsClient {
  api: DagstudioApi;
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Resolves when the socket is open (requests sent earlier are queued, not lost). */
  ready(): Promise<void>;
  /** Closes for good: pending calls reject, no reconnect. */
  close(): void;
}

const OPEN = 1;
const MAX_RECONNECT_DELAY_MS = 5000;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  method: Method;
}

export function createWsClient(options: WsClientOptions): WsClient {
  const Impl = options.WebSocketImpl ?? (globalThis.WebSocket as unknown as SocketFactory);
  const firstDelay = options.reconnectDelayMs ?? 250;
  const listeners = new Set<EventListener>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  /* Subscriptions to renew after a reconnect, as the JSON of their request. */
  const subscriptions = new Set<string>();
  let nextId = 1;
  let socket: Socket | null = null;
  let status: ConnectionStatus = 'connecting';
  let closedForGood = false;
  let delay = firstDelay;
  let waiters: Array<() => void> = [];

  const setStatus = (next: ConnectionStatus) => {
    if (status === next) return;
    status = next;
    for (const l of statusListeners) l(next);
  };

  const deliver = (event: HostEvent) => {
    for (const l of [...listeners]) {
      try {
        l(event);
      } catch (error) {
        console.error('dagstudio: an event listener failed', error);
      }
    }
  };

  const onFrame = (data: unknown) => {
    let frame: HostFrame;
    try {
      frame = JSON.parse(typeof data === 'string' ? data : String(data)) as HostFrame;
    } catch {
      return;
    }
    if ('events' in frame) {
      for (const event of frame.events) deliver(event);
      return;
    }
    if (typeof frame.id !== 'number') {
      if (frame.error) console.warn(`dagstudio host: ${frame.error.message}`);
      return;
    }
    const call = pending.get(frame.id);
    if (!call) return;
    pending.delete(frame.id);
    if (frame.error) call.reject(new HostError(frame.error.code, frame.error.message));
    else call.resolve(frame.result);
  };

  const connect = () => {
    setStatus('connecting');
    const ws = new Impl(options.url);
    socket = ws;
    ws.onopen = () => {
      delay = firstDelay;
      setStatus('open');
      for (const text of subscriptions) ws.send(JSON.stringify({ id: nextId++, method: 'runs.subscribe', params: JSON.parse(text) }));
      for (const text of queue.splice(0)) ws.send(text);
      for (const w of waiters.splice(0)) w();
    };
    ws.onmessage = (ev) => onFrame(ev.data);
    ws.onerror = () => {
      /* onclose follows and handles it. */
    };
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = null;
      const reason = ev.reason ? `: ${ev.reason}` : '';
      for (const [id, call] of pending) {
        pending.delete(id);
        call.reject(new HostError('io', `the connection to dagstudio was lost before "${call.method}" was answered${reason}`));
      }
      setStatus('closed');
      if (closedForGood) return;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
    };
  };

  const invoke = (method: Method, request: unknown): Promise<unknown> => {
    if (closedForGood) return Promise.reject(new HostError('io', 'the dagstudio client is closed'));
    const id = nextId++;
    const text = JSON.stringify({ id, method, params: request } satisfies RequestFrame);
    if (method === 'runs.subscribe') subscriptions.add(JSON.stringify(request));
    if (method === 'runs.unsubscribe') subscriptions.delete(JSON.stringify(request));
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, method });
      if (socket && socket.readyState === OPEN) socket.send(text);
      else queue.push(text);
    });
  };

  const onEvent = (listener: EventListener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };

  connect();

  return {
    api: buildApi(invoke, onEvent),
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => {
        statusListeners.delete(listener);
      };
    },
    ready: () => (status === 'open' ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    close() {
      closedForGood = true;
      waiters = [];
      const ws = socket;
      socket = null;
      for (const [id, call] of pending) {
        pending.delete(id);
        call.reject(new HostError('io', 'the dagstudio client was closed'));
      }
      setStatus('closed');
      ws?.close();
    },
  };
}
