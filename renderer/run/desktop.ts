import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { RunRecord } from '../../shared/api/runs';
import { runEndNotice, shouldNoticeRunEnd } from '../../shared/run-notice';
import { getHost } from '../host';
import { editorStore } from '../store/editor';
import { isActive } from './liveRecord';
import { liveRunStore } from './liveRun';
import { progressOf, titleFor } from './progress';

/*
 * Desktop touches in the browser: the page title carries a live run's progress, and a notification says when a
 * run ended while the window was in the background (the `notify_on_finish` preference). In the desktop app the
 * main process does both natively (taskbar progress, system notification), so the renderer leaves them to it.
 */

export const notifyPrefStore = createStore<{ notify: boolean; loaded: boolean }>()(() => ({ notify: true, loaded: false }));

let kind: 'electron' | 'browser' | null = null;

export function useNotifyPref(): boolean {
  return useStore(notifyPrefStore, (s) => s.notify);
}

export async function setNotifyPref(notify: boolean): Promise<void> {
  notifyPrefStore.setState({ notify });
  if (notify) askNotificationPermission();
  try {
    const reply = await getHost().preferences.set({ notify_on_finish: notify });
    notifyPrefStore.setState({ notify: reply.preferences.notify_on_finish, loaded: true });
  } catch {
    // The choice holds for this session even if it could not be stored.
  }
}

/** Asks for the browser's permission while a click is being handled (browsers refuse to ask otherwise). */
export function askNotificationPermission(): void {
  if (kind === 'electron' || typeof Notification === 'undefined') return;
  if (Notification.permission === 'default' && notifyPrefStore.getState().notify) void Notification.requestPermission().catch(() => undefined);
}

export interface NotifyContext {
  kind: 'electron' | 'browser' | null;
  enabled: boolean;
  focused: boolean;
  permission: NotificationPermission | 'unsupported';
}

type RunEnd = Pick<RunRecord, 'run_id' | 'state' | 'end'>;

/**
 * Whether a change of the run on screen deserves a notification: the same run went from live to ended, in the
 * browser (the desktop app notifies from its main process), with the preference on, the window in the
 * background and the browser's permission given.
 */
export function shouldNotify(before: Pick<RunRecord, 'run_id' | 'state'> | null, after: Pick<RunRecord, 'run_id' | 'state'> | null, context: NotifyContext): boolean {
  if (!before || !after || before.run_id !== after.run_id || !isActive(before) || isActive(after)) return false;
  return context.kind === 'browser' && shouldNoticeRunEnd({ enabled: context.enabled, focused: context.focused, permitted: context.permission === 'granted' });
}

/**
 * One notification per end of a run. A snapshot can overtake the events batched before it, so the record may
 * end (snapshot), go live again (an older event) and end once more (the end event): the same end, told once.
 * A retry or clear ends the run again later, which is a new end.
 */
export function endKey(record: RunEnd): string {
  return `${record.run_id}@${record.end ?? ''}`;
}

function notifyEnd(record: RunRecord): void {
  const { title, body } = runEndNotice(record.dag_id, record.run_id, record.state, record.tasks);
  let note: Notification;
  try {
    note = new Notification(title, { body, tag: record.run_id });
  } catch {
    // Some browsers only show notifications from a service worker; the run header still says how the run ended.
    return;
  }
  note.onclick = () => {
    window.focus();
    note.close();
  };
}

export function startDesktopTouches(): () => void {
  const host = getHost();
  void host.app.info({}).then(
    (info) => (kind = info.kind),
    () => undefined,
  );
  void host.preferences.get({}).then(
    (reply) => notifyPrefStore.setState({ notify: reply.preferences.notify_on_finish, loaded: true }),
    () => undefined,
  );
  const baseTitle = document.title || 'dagstudio';
  let lastTitle = '';
  let lastNoticed = '';
  return liveRunStore.subscribe((state, previous) => {
    const record = state.record;
    const title = record
      ? titleFor(
          baseTitle,
          record.state,
          progressOf(
            record,
            editorStore.getState().doc.tasks.map((t) => t.id),
            state.scopes[record.run_id],
          ),
          record.dag_id,
        )
      : baseTitle;
    if (title !== lastTitle) {
      document.title = title;
      lastTitle = title;
    }
    if (!record || !previous.record) return;
    const context: NotifyContext = {
      kind,
      enabled: notifyPrefStore.getState().notify,
      focused: document.hasFocus(),
      permission: typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
    };
    if (shouldNotify(previous.record, record, context) && endKey(record) !== lastNoticed) {
      lastNoticed = endKey(record);
      notifyEnd(record);
    }
  });
}
