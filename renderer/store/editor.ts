import { useStore } from 'zustand';
import { createEditorStore, type EditorActions } from './editorStore';
import type { EditorState } from './initialState';

/** The app's one editor store. Components read it only through selectors (never the whole state). */
export const editorStore = createEditorStore();

export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(editorStore, selector);
}

export const editor = (): EditorState & EditorActions => editorStore.getState();
