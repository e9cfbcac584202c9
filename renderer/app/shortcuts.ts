import { fitView, zoomBy } from '../canvas/canvasApi';
import { editor } from '../store/editor';
import { openDialog } from './dialogs';
import { autoLayout, copy, cut, deleteSelection, duplicate, groupSelection, paste, selectAll, ungroupSelection } from './editCommands';
import { exportJson, importJson, newPipeline, open, save, saveAs } from '../files/fileCommands';
import { cancel, run } from './runCommands';

/**
 * Every keyboard shortcut, in one table: the key handler and the Help dialog both read it.
 * `mod` is Cmd on macOS and Ctrl elsewhere. Shortcuts marked `inText: false` are left to a text
 * field while one has focus (so Backspace deletes a letter, not the selected task).
 */

export interface Shortcut {
  keys: string;
  label: string;
  section: 'File' | 'Edit' | 'Canvas' | 'Run' | 'Help';
  inText: boolean;
  run: () => void;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'mod+n', label: 'New pipeline', section: 'File', inText: true, run: () => void newPipeline() },
  { keys: 'mod+o', label: 'Open…', section: 'File', inText: true, run: () => void open() },
  { keys: 'mod+s', label: 'Save', section: 'File', inText: true, run: () => void save() },
  { keys: 'mod+shift+s', label: 'Save As…', section: 'File', inText: true, run: () => void saveAs() },
  { keys: 'mod+i', label: 'Import JSON…', section: 'File', inText: true, run: () => void importJson() },
  { keys: 'mod+e', label: 'Export JSON', section: 'File', inText: true, run: () => void exportJson() },
  { keys: 'mod+z', label: 'Undo', section: 'Edit', inText: false, run: () => editor().undo() },
  { keys: 'mod+shift+z', label: 'Redo', section: 'Edit', inText: false, run: () => editor().redo() },
  { keys: 'mod+y', label: 'Redo', section: 'Edit', inText: false, run: () => editor().redo() },
  { keys: 'mod+c', label: 'Copy', section: 'Edit', inText: false, run: () => void copy() },
  { keys: 'mod+x', label: 'Cut', section: 'Edit', inText: false, run: cut },
  { keys: 'mod+v', label: 'Paste', section: 'Edit', inText: false, run: paste },
  { keys: 'mod+d', label: 'Duplicate', section: 'Edit', inText: false, run: duplicate },
  { keys: 'mod+a', label: 'Select all', section: 'Edit', inText: false, run: selectAll },
  { keys: 'delete', label: 'Delete selection', section: 'Edit', inText: false, run: deleteSelection },
  { keys: 'backspace', label: 'Delete selection', section: 'Edit', inText: false, run: deleteSelection },
  { keys: 'escape', label: 'Clear selection', section: 'Edit', inText: false, run: () => editor().select({}) },
  { keys: 'mod+g', label: 'Group selection', section: 'Edit', inText: false, run: () => void groupSelection() },
  { keys: 'mod+shift+g', label: 'Ungroup', section: 'Edit', inText: false, run: ungroupSelection },
  { keys: 'shift+l', label: 'Auto layout', section: 'Canvas', inText: false, run: () => void autoLayout() },
  { keys: 'shift+f', label: 'Fit view', section: 'Canvas', inText: false, run: fitView },
  { keys: '=', label: 'Zoom in', section: 'Canvas', inText: false, run: () => zoomBy(1.2) },
  { keys: '-', label: 'Zoom out', section: 'Canvas', inText: false, run: () => zoomBy(1 / 1.2) },
  { keys: 'f5', label: 'Run', section: 'Run', inText: true, run: () => void run() },
  { keys: 'shift+f5', label: 'Cancel run', section: 'Run', inText: true, run: () => void cancel() },
  { keys: 'mod+,', label: 'Pipeline settings', section: 'Help', inText: true, run: () => openDialog({ kind: 'pipeline-settings' }) },
  { keys: 'f1', label: 'Keyboard shortcuts', section: 'Help', inText: true, run: () => openDialog({ kind: 'help' }) },
  { keys: 'shift+?', label: 'Keyboard shortcuts', section: 'Help', inText: false, run: () => openDialog({ kind: 'help' }) },
];

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The key combination of an event in the table's notation (`mod+shift+z`). */
export function comboOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac = isMac): string {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const parts: string[] = [];
  if (mod) parts.push('mod');
  if (event.altKey) parts.push('alt');
  if (event.shiftKey) parts.push('shift');
  parts.push(event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase());
  return parts.join('+');
}

/** How a combination is shown to people: ⌘⇧Z on macOS, Ctrl+Shift+Z elsewhere. */
export function displayKeys(keys: string, mac = isMac): string {
  const names: Record<string, string> = mac
    ? { mod: '⌘', shift: '⇧', alt: '⌥', delete: '⌦', backspace: '⌫', escape: 'Esc' }
    : { mod: 'Ctrl', shift: 'Shift', alt: 'Alt', delete: 'Delete', backspace: 'Backspace', escape: 'Esc' };
  return keys
    .split('+')
    .map((k) => names[k] ?? (k.length === 1 ? k.toUpperCase() : k.toUpperCase()))
    .join(mac ? '' : '+');
}

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

const byCombo = new Map(SHORTCUTS.map((s) => [s.keys, s]));

/** Handles a keydown: returns true when a shortcut ran. */
export function handleShortcut(event: KeyboardEvent, dialogOpen: boolean): boolean {
  let combo = comboOf(event);
  // Shift+? arrives as key "?" with shift held; "shift+/" on some layouts.
  if (combo === 'shift+/') combo = 'shift+?';
  const shortcut = byCombo.get(combo);
  if (!shortcut) return false;
  if (dialogOpen) return false;
  if (!shortcut.inText && inTextField(event.target)) return false;
  event.preventDefault();
  shortcut.run();
  return true;
}
