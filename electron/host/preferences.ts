import { mkdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { preferencesSchema, type Preferences } from '../../shared/api';
import { writeFileAtomic } from './atomic-write';

/** The app's preferences and recent files, in one small JSON file of the config folder. */

const RECENT_LIMIT = 12;

const recentSchema = z.object({ path: z.string(), opened_at: z.string() });
const fileSchema = z.object({
  preferences: preferencesSchema.catch(preferencesSchema.parse({})),
  recent: z.array(recentSchema).catch([]),
});
type PreferencesFile = z.output<typeof fileSchema>;

export interface RecentFile {
  path: string;
  name: string;
  opened_at: string;
}

export interface PreferencesStore {
  get(): Preferences;
  set(patch: Partial<Preferences>): Promise<Preferences>;
  recent(): RecentFile[];
  /** Moves a file to the top of the recent list. */
  touch(path: string): Promise<void>;
}

export async function openPreferences(configDir: string): Promise<PreferencesStore> {
  const file = join(configDir, 'preferences.json');
  let state: PreferencesFile;
  try {
    state = fileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    // Missing or damaged: start from the defaults rather than refuse to start.
    state = fileSchema.parse({});
  }
  let writing = Promise.resolve();
  const save = () => {
    const text = JSON.stringify(state, null, 2) + '\n';
    writing = writing.then(async () => {
      await mkdir(configDir, { recursive: true });
      await writeFileAtomic(file, text);
    });
    return writing;
  };

  return {
    get: () => ({ ...state.preferences }),
    async set(patch) {
      state = { ...state, preferences: preferencesSchema.parse({ ...state.preferences, ...patch }) };
      await save();
      return { ...state.preferences };
    },
    recent: () => state.recent.map((r) => ({ ...r, name: basename(r.path) })),
    async touch(path) {
      const entry = { path, opened_at: new Date().toISOString() };
      state = { ...state, recent: [entry, ...state.recent.filter((r) => r.path !== path)].slice(0, RECENT_LIMIT) };
      await save();
    },
  };
}
