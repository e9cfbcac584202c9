import { realpathSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { HostError } from '../../shared/api';

/**
 * The folders the host may read and write: the user's home, the data folder, the examples (read-only) and folders
 * the user picked in a native dialog. A path is judged by where it really is — `..` segments are resolved and
 * symbolic links followed — so neither trick reaches outside.
 */

export interface AllowedRoot {
  dir: string;
  writable: boolean;
}

export interface PathGuard {
  /** Adds a folder (e.g. one picked in a dialog). */
  allow(dir: string, writable?: boolean): void;
  roots(): AllowedRoot[];
  /** The real path of an existing file the host may read. */
  readable(path: string): Promise<string>;
  /** The real path the host may write `path` at: the file need not exist, but its folder must. */
  writable(path: string, extensions: readonly string[]): Promise<string>;
  /** Whether a file lies under a read-only root (e.g. an example) and no writable one. */
  isReadOnly(realPath: string): boolean;
}

function realOrSelf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export interface PathGuardOptions {
  home: string;
  initial: AllowedRoot[];
  /** Files and folders inside the allowed ones that stay off limits (the settings store with its secrets, ~/.ssh …). */
  protected?: string[];
}

export function createPathGuard(options: PathGuardOptions): PathGuard {
  const home = options.home;
  const list: AllowedRoot[] = [];
  const fenced = (options.protected ?? []).map(realOrSelf);

  const allow = (dir: string, writable = true) => {
    const real = realOrSelf(dir);
    const existing = list.find((r) => r.dir === real);
    if (existing) existing.writable ||= writable;
    else list.push({ dir: real, writable });
  };
  for (const root of options.initial) allow(root.dir, root.writable);

  /** `~/x` → home/x; anything else must be absolute. */
  const expand = (path: string): string => {
    if (path.includes('\0')) throw new HostError('bad-request', 'a path must not contain a NUL character');
    if (path === '~') return home;
    if (path.startsWith('~/') || path.startsWith('~\\')) return join(home, path.slice(2));
    if (!isAbsolute(path)) throw new HostError('bad-request', `"${path}" is not an absolute path (start it with / or ~/)`);
    return resolve(path);
  };

  const refuse = (path: string, why: string) =>
    new HostError('forbidden-path', `${path}: ${why}; dagstudio only touches files in ${list.map((r) => r.dir).join(', ')}`);

  const rootOf = (real: string, needWritable: boolean) =>
    fenced.some((f) => inside(real, f)) ? undefined : list.find((r) => inside(real, r.dir) && (!needWritable || r.writable));

  return {
    allow,
    roots: () => list.map((r) => ({ ...r })),
    async readable(path) {
      const full = expand(path);
      let real: string;
      try {
        real = await realpath(full);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          // Say "outside" before "missing", so a probe cannot learn which files exist elsewhere.
          if (!rootOf(realOrSelf(dirname(full)), false)) throw refuse(path, 'outside the allowed folders');
          throw new HostError('not-found', `${path}: no such file`);
        }
        throw error;
      }
      if (!rootOf(real, false)) throw refuse(path, real === full ? 'outside the allowed folders' : `leads to ${real}, outside the allowed folders`);
      const info = await stat(real);
      if (!info.isFile()) throw new HostError('bad-request', `${path}: not a file`);
      return real;
    },
    async writable(path, extensions) {
      const full = expand(path);
      const name = basename(full);
      if (extensions.length > 0 && !extensions.some((ext) => name.toLowerCase().endsWith(ext))) {
        throw new HostError('forbidden-path', `${path}: dagstudio writes only ${extensions.join(' or ')} files here`);
      }
      let folder: string;
      try {
        folder = await realpath(dirname(full));
      } catch {
        if (!rootOf(realOrSelf(dirname(full)), true)) throw refuse(path, 'outside the allowed folders');
        throw new HostError('not-found', `${path}: the folder ${dirname(full)} does not exist`);
      }
      let real = join(folder, name);
      try {
        // An existing file may itself be a link: judge where it points.
        real = await realpath(real);
      } catch {
        /* a new file */
      }
      if (!rootOf(real, true)) {
        const readOnly = rootOf(real, false);
        throw refuse(path, readOnly ? `${readOnly.dir} is read-only (use Save As to keep a copy elsewhere)` : 'outside the allowed folders');
      }
      return real;
    },
    isReadOnly(real) {
      return !rootOf(real, true) && rootOf(real, false) !== undefined;
    },
  };
}
