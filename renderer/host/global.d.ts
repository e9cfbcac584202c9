import type { DagstudioApi } from '../../shared/api';

declare global {
  interface Window {
    /** The host API: Electron's preload object, or the WebSocket client under `dagstudio serve` (see renderer/host). */
    dagstudio?: DagstudioApi;
  }
}

export {};
