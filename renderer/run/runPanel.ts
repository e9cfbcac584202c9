import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Problem } from '../../shared/problems';
import type { ParamField } from './params';

/** The run panel's own view state, and the run dialogs (Run's params, a refused run). */

export const PANEL_TABS = ['log', 'runs', 'grid', 'gantt'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export interface RunPanelState {
  open: boolean;
  tab: PanelTab;
  height: number;
  /** The task whose log shows (the canvas selection, or a grid cell); it stays when the selection is cleared. */
  logTask: string | null;
  /** The try whose log shows; null follows the newest try. */
  logTry: number | null;
}

export const MIN_PANEL_HEIGHT = 120;

export const runPanelStore = createStore<RunPanelState>()(() => ({ open: false, tab: 'log', height: 300, logTask: null, logTry: null }));

export const panel = {
  show(tab?: PanelTab): void {
    runPanelStore.setState((s) => ({ open: true, tab: tab ?? s.tab }));
  },
  toggle(): void {
    runPanelStore.setState((s) => ({ open: !s.open }));
  },
  setHeight(height: number): void {
    runPanelStore.setState({ height: Math.max(MIN_PANEL_HEIGHT, Math.round(height)) });
  },
  showLog(taskId: string | null, tryNumber: number | null = null): void {
    runPanelStore.setState({ logTask: taskId, logTry: tryNumber });
  },
  pickTry(tryNumber: number | null): void {
    runPanelStore.setState({ logTry: tryNumber });
  },
};

export function useRunPanel<T>(selector: (state: RunPanelState) => T): T {
  return useStore(runPanelStore, selector);
}

export type RunDialog =
  | { kind: 'none' }
  | { kind: 'params'; title: string; fields: ParamField[]; defaults: Record<string, unknown>; resolve: (params: Record<string, unknown> | null) => void }
  /** A run that cannot start: the pipeline is not saved (offer to save first) or has problems. */
  | { kind: 'refused'; reason: 'unsaved' | 'invalid'; problems: Problem[]; retry?: () => void };

export const runDialogStore = createStore<RunDialog>()(() => ({ kind: 'none' }));

export function openRunDialog(dialog: RunDialog): void {
  runDialogStore.setState(dialog, true);
}

export function closeRunDialog(): void {
  runDialogStore.setState({ kind: 'none' }, true);
}

export function useRunDialog(): RunDialog {
  return useStore(runDialogStore, (s) => s);
}
