import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The app's data folder (run history, logs, settings): DAGSTUDIO_DATA_DIR when set, else the OS's place
 * for per-user app data — ~/.config/dagstudio (or $XDG_CONFIG_HOME) on Linux,
 * ~/Library/Application Support/dagstudio on macOS, %APPDATA%\dagstudio on Windows.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.DAGSTUDIO_DATA_DIR) return env.DAGSTUDIO_DATA_DIR;
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'dagstudio');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'dagstudio');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'dagstudio');
}
