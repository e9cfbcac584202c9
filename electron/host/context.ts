import type { AppInfo } from '../../shared/api';
import type { PathGuard } from './path-guard';
import type { DialogsPort } from './ports';
import type { PreferencesStore } from './preferences';
import type { HostRunner, HostSettings } from './backend';

/** What every handler may use: the host's stores and guards, plus the calling client's session. */
export interface HostContext {
  kind: AppInfo['kind'];
  version: string;
  home: string;
  dataDir: string;
  examplesDir: string | null;
  guard: PathGuard;
  prefs: PreferencesStore;
  runner: HostRunner;
  settings: HostSettings;
  /** The data folder changed in the preferences and applies after a restart. */
  restartRequired(): boolean;
  /** Shows a native dialog (desktop only; the browser gets an `unsupported` error) and allows the chosen file's folder. */
  dialog(which: keyof DialogsPort, options: Parameters<DialogsPort['openFile']>[0] & { defaultName?: string }): Promise<string | null>;
  hasDialogs: boolean;
  /** Hands over the files the OS asked to open so far and sends later ones as events. */
  takeOpenRequests(): string[];
  session: SessionControls;
}

export interface SessionControls {
  subscribe(runId: string | '*'): void;
  unsubscribe(runId: string | '*'): void;
  /** Runs `start` while keeping the events it emits before its run id is known, then subscribes to that run. */
  capture<T>(start: () => Promise<T>, runIdOf: (result: T) => string | null): Promise<T>;
}
