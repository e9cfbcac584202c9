import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Problem } from '../../shared/problems';

/** Which dialog is open (one at a time), with what it needs. */
export type DialogState =
  | { kind: 'none' }
  | { kind: 'pipeline-settings' }
  | { kind: 'variables' }
  | { kind: 'connections' }
  | { kind: 'help' }
  | { kind: 'open' }
  | { kind: 'save-as'; resolve: (saved: boolean) => void }
  /** A file that could not be opened or imported cleanly; `pipeline` is set when it can still be opened with its problems. */
  | { kind: 'import-problems'; fileName: string; problems: Problem[]; pipeline?: Pipeline | null; intro?: string }
  | { kind: 'confirm-discard'; action: string; resolve: (choice: 'save' | 'discard' | 'cancel') => void };

export const dialogStore = createStore<DialogState>()(() => ({ kind: 'none' }));

export function openDialog(state: DialogState): void {
  dialogStore.setState(state, true);
}

export function closeDialog(): void {
  dialogStore.setState({ kind: 'none' }, true);
}

export function useDialog(): DialogState {
  return useStore(dialogStore, (s) => s);
}
