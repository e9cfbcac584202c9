import { describe, expect, it } from 'vitest';
import { comboOf, displayKeys, SHORTCUTS } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcuts', () => {
  it('reads Ctrl on Linux and Cmd on macOS as the same "mod" key', () => {
    expect(comboOf(key('z', { ctrlKey: true }), false)).toBe('mod+z');
    expect(comboOf(key('Z', { metaKey: true, shiftKey: true }), true)).toBe('mod+shift+z');
    expect(comboOf(key('z', { metaKey: true }), false)).toBe('z');
  });

  it('shows combinations the way each platform writes them', () => {
    expect(displayKeys('mod+shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(displayKeys('mod+shift+z', true)).toBe('⌘⇧Z');
  });

  it('binds each combination once', () => {
    const keys = SHORTCUTS.map((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('includes the undo and redo the issue asks for', () => {
    expect(SHORTCUTS.find((s) => s.keys === 'mod+z')?.label).toBe('Undo');
    expect(SHORTCUTS.find((s) => s.keys === 'mod+shift+z')?.label).toBe('Redo');
  });
});
