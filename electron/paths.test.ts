import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './paths';

describe('defaultDataDir', () => {
  it("uses each OS's place for app data, or DAGSTUDIO_DATA_DIR", () => {
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'dagstudio'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'dagstudio'));
    expect(defaultDataDir({}, 'darwin')).toBe(join(homedir(), 'Library', 'Application Support', 'dagstudio'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'dagstudio'));
    expect(defaultDataDir({ DAGSTUDIO_DATA_DIR: '/data' }, 'linux')).toBe('/data');
  });
});
