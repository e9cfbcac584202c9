import { WS_PATH, type DagstudioApi } from '../../shared/api';
import { createWsClient, type WsClient } from './ws-client';

/**
 * The one way the UI reaches the host. In Electron the preload has put `window.dagstudio` there; in a browser
 * served by `dagstudio serve` the WebSocket client is created (the access cookie rides on the handshake)
 * and installed as `window.dagstudio`, so both look the same to the rest of the renderer.
 */

let host: DagstudioApi | null = null;
let client: WsClient | null = null;

export function getHost(): DagstudioApi {
  if (host) return host;
  if (window.dagstudio) {
    host = window.dagstudio;
    return host;
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  client = createWsClient({ url: `${scheme}://${window.location.host}${WS_PATH}` });
  host = client.api;
  window.dagstudio = host;
  return host;
}

/** The browser connection's state, for a "reconnecting…" banner; always 'open' in Electron. */
export function connectionStatus(): WsClient['status'] extends () => infer S ? S : never {
  return client ? client.status() : 'open';
}

/** Calls `listener` when the browser connection opens, drops or reconnects; never in Electron. */
export function onConnectionStatus(listener: Parameters<WsClient['onStatus']>[0]): () => void {
  getHost();
  return client ? client.onStatus(listener) : () => {};
}

/** Lets a component test hand the UI a host of its own making (the real app never calls this). */
export function setHost(api: DagstudioApi | null): void {
  host = api;
}

export { createWsClient, type WsClient, type ConnectionStatus } from './ws-client';
