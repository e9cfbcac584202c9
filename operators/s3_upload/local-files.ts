import { readdir, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { LocalFile } from './plan';

/**
 * The file itself, or every file below a folder (sorted by path, for a stable order in logs and return values).
 * Symbolic links to files are followed; links to folders are not, so a link loop cannot run forever.
 */
export async function listLocalFiles(path: string): Promise<{ isFolder: boolean; files: LocalFile[] }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`"${path}" does not exist`);
    if (code === 'EACCES') throw new Error(`"${path}" cannot be read (permission denied)`);
    throw error;
  }
  if (info.isFile()) return { isFolder: false, files: [{ path, relative: basename(path), size: info.size }] };
  if (!info.isDirectory()) throw new Error(`"${path}" is neither a file nor a folder`);
  const files: LocalFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(full);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => undefined);
        if (target?.isFile()) files.push({ path: full, relative: relative(path, full), size: target.size });
      }
    }
  };
  await walk(path);
  files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return { isFolder: true, files };
}
