import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../shared/api';
import { menuCommands, menuTemplate, type MenuItemSpec } from './menu';

const labels = (items: MenuItemSpec[]) => items.map((i) => i.label?.replace('&', '') ?? i.role);
const accelerators = (items: readonly MenuItemSpec[]): string[] =>
  items.flatMap((i) => [...(i.accelerator && i.registerAccelerator !== false ? [i.accelerator] : []), ...accelerators(i.submenu ?? [])]);

describe('the native menu', () => {
  it('has File, Edit, View, Run and Help, with the app menu first on macOS', () => {
    expect(labels(menuTemplate({ platform: 'linux', recent: [], developer: false }))).toEqual(['File', 'Edit', 'View', 'Run', 'Help']);
    expect(labels(menuTemplate({ platform: 'darwin', recent: [], developer: false }))).toEqual(['dagstudio', 'File', 'Edit', 'View', 'Run', 'windowMenu', 'Help']);
  });

  it('sends only commands the API defines, and registers no shortcut twice', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const template = menuTemplate({ platform, recent: [], developer: true });
      for (const c of menuCommands(template)) expect(MENU_COMMANDS).toContain(c);
      const keys = accelerators(template);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('lists recent files under File › Open Recent', () => {
    const file = menuTemplate({ platform: 'linux', recent: [{ path: '/h/a.dag.json', name: 'a.dag.json' }], developer: false })[0]!;
    const recent = file.submenu!.find((i) => i.label === 'Open Recent')!;
    expect(recent.submenu).toEqual([{ label: 'a.dag.json', openPath: '/h/a.dag.json' }]);
  });

  it('keeps developer tools out of a packaged app', () => {
    const view = menuTemplate({ platform: 'linux', recent: [], developer: false })[2]!;
    expect(view.submenu!.some((i) => i.role === 'toggleDevTools')).toBe(false);
  });
});
