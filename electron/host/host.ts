import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HostError, type AppEvent, type HostEvent, type Preferences, type RunSummary } from '../../shared/api';
import { openBackend, type Backend } from './backend-factory';
import type { HostContext } from './context';
import { dispatch, type Handlers } from './dispatch';
import { appHandlers } from './handlers/app';
import { pipelineHandlers } from './handlers/pipelines';
import { runHandlers } from './handlers/runs';
import { settingsHandlers } from './handlers/settings';
import { createPathGuard } from './path-guard';
import type { DialogsPort, SecretCipher } from './ports';
import { openPreferences, type RecentFile } from './preferences';
import { createSessionState, type Session } from './session';

/**
 * The host: every request of shared/api.ts implemented once, on the runner and the stores, for any transport.
 * A transport calls `connect(send)` per client and passes each incoming message to `session.request`.
 */

export interface HostOptions {
  kind: 'electron' | 'browser';
  version: string;
  dataDir: string;
  /** Where preferences and recent files live (the desktop app's user folder); the data folder by default. */
  configDir?: string;
  home?: string;
  examplesDir: string | null;
  /** Native dialogs (desktop app only). */
  dialogs?: DialogsPort;
  /** Encryption of secrets at rest (Electron's safeStorage); without it the settings file is mode 0600. */
  cipher?: SecretCipher;
  /** Desktop notifications from `notify` tasks; printed to stderr by default. */
  notify?: (title: string, body: string) => void;
  batchIntervalMs?: number;
  /** Unexpected handler failures (bugs), for the transport's log. */
  onInternalError?: (error: unknown) => void;
}

export interface Host {
  readonly dataDir: string;
  connect(send: (events: HostEvent[]) => boolean | void): Session;
  /** Adds a folder to the allowed ones (a file opened from the OS, a folder picked in a dialog). */
  allowFolder(dir: string): void;
  /** Sends an app event (menu command) to every client. */
  broadcast(event: AppEvent): void;
  /** Opens a file the OS handed to the app: its folder becomes allowed, and the renderer is told (now or when it asks). */
  openPath(path: string): void;
  preferences(): Preferences;
  recentFiles(): RecentFile[];
  activeRuns(): Promise<RunSummary[]>;
  /** Cancels every active run and waits until their processes are gone. */
  cancelActiveRuns(): Promise<void>;
  close(): Promise<void>;
}

const CREDENTIAL_FOLDERS = ['.ssh', '.gnupg', '.aws', '.kube', '.docker', '.config/gcloud'];

const handlers: Handlers<HostContext> = { ...appHandlers, ...pipelineHandlers, ...runHandlers, ...settingsHandlers };

export async function createHost(options: HostOptions): Promise<Host> {
  const dataDir = resolve(options.dataDir);
  const configDir = resolve(options.configDir ?? dataDir);
  const home = resolve(options.home ?? homedir());
  mkdirSync(dataDir, { recursive: true });
  const backend: Backend = await openBackend({
    dataDir,
    ...(options.cipher ? { cipher: options.cipher } : {}),
    notify: options.notify ?? ((title, body) => process.stderr.write(`dagstudio notification: ${title}: ${body}\n`)),
  });
  const prefs = await openPreferences(configDir);
  const guard = createPathGuard({
    home,
    initial: [
      { dir: home, writable: true },
      { dir: dataDir, writable: true },
      ...(options.examplesDir ? [{ dir: options.examplesDir, writable: false }] : []),
    ],
    protected: [
      ...backend.settings.files(),
      ...backend.protectedPaths,
      join(configDir, 'preferences.json'),
      ...CREDENTIAL_FOLDERS.map((f) => join(home, f)),
    ],
  });

  const sessions = new Set<ReturnType<typeof createSessionState>>();
  const unsubscribeRunner = backend.runner.subscribe((event) => {
    for (const s of sessions) s.deliver(event);
  });

  const dialog: HostContext['dialog'] = async (which, dialogOptions) => {
    if (!options.dialogs) {
      throw new HostError('unsupported', 'file dialogs exist only in the desktop app; type the file path instead');
    }
    const chosen = which === 'openFile' ? await options.dialogs.openFile(dialogOptions) : await options.dialogs.saveFile(dialogOptions);
    if (chosen !== null) guard.allow(dirname(chosen));
    return chosen;
  };

  const base = {
    kind: options.kind,
    version: options.version,
    home,
    dataDir,
    examplesDir: options.examplesDir,
    guard,
    prefs,
    runner: backend.runner,
    settings: backend.settings,
    restartRequired: () => {
      const wanted = prefs.get().data_dir;
      return wanted !== null && resolve(wanted) !== dataDir;
    },
    dialog,
    hasDialogs: options.dialogs !== undefined,
    takeOpenRequests: () => takeOpenRequests(),
  };

  let closed = false;
  const pendingOpens: string[] = [];
  let rendererListening = false;
  const takeOpenRequests = () => {
    rendererListening = true;
    return pendingOpens.splice(0);
  };

  return {
    dataDir,
    connect(send) {
      const state = createSessionState({ send, ...(options.batchIntervalMs !== undefined ? { batchIntervalMs: options.batchIntervalMs } : {}) });
      sessions.add(state);
      const ctx: HostContext = { ...base, session: state };
      return {
        request: (method, params) => {
          if (closed) return Promise.resolve({ error: { code: 'conflict' as const, message: 'dagstudio is shutting down' } });
          return dispatch(handlers, ctx, method, params, options.onInternalError);
        },
        push: (event) => state.push(event),
        close() {
          state.close();
          sessions.delete(state);
        },
      };
    },
    allowFolder: (dir) => guard.allow(dir),
    broadcast(event) {
      for (const s of sessions) s.push(event);
    },
    openPath(path) {
      guard.allow(dirname(path));
      if (rendererListening) for (const s of sessions) s.push({ type: 'open-path', path });
      else pendingOpens.push(path);
    },
    preferences: () => prefs.get(),
    recentFiles: () => prefs.recent(),
    activeRuns: () => backend.runner.listRuns({ active: true }),
    cancelActiveRuns: () => backend.runner.cancelAll(),
    async close() {
      if (closed) return;
      closed = true;
      await backend.runner.cancelAll();
      for (const s of sessions) s.flush();
      unsubscribeRunner();
      for (const s of sessions) s.close();
      sessions.clear();
      await backend.close();
    },
  };
}
