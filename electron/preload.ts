import { contextBridge, ipcRenderer } from 'electron';
import type { HostEvent } from '../shared/api/app-events';
import { buildApi, type EventListener } from '../shared/api/build-api';
import type { ReplyEnvelope } from '../shared/api/wire';

/**
 * The sandboxed preload: exposes `window.dagstudio` with exactly the host API's methods (built from the one
 * table in shared/api.ts) and `onEvent`. Requests go to the main process over one IPC channel; replies come back
 * as envelopes and a refusal rejects with the host's message (the only part of an Error Electron's bridge keeps).
 */

export const REQUEST_CHANNEL = 'dagstudio:request';
export const EVENTS_CHANNEL = 'dagstudio:events';

const listeners = new Set<EventListener>();

ipcRenderer.on(EVENTS_CHANNEL, (_event, events: HostEvent[]) => {
  for (const event of events) {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error('dagstudio: an event listener failed', error);
      }
    }
  }
});

const api = buildApi(
  async (method, request) => {
    const envelope = (await ipcRenderer.invoke(REQUEST_CHANNEL, method, request)) as ReplyEnvelope;
    if (envelope.error) throw new Error(envelope.error.message);
    return envelope.result;
  },
  (listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
);

contextBridge.exposeInMainWorld('dagstudio', api);
