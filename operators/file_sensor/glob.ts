import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/*
 * A small glob, because Node 20 has no fs.glob: `*` and `?` within one name, `[abc]`/`[!abc]` classes and `**`
 * for any depth. Like the shell and Python's glob, wildcards do not match names starting with a dot.
 */

const MAX_MATCHES = 1000;

export function hasGlob(text: string): boolean {
  return /[*?[]/.test(text);
}

/** The RegExp of one path segment's pattern (no `/` inside). */
export function segmentRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) {
        source += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      source += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else source += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Splits a path into its segments on `/` (and `\` on Windows), dropping empty ones. */
function segmentsOf(path: string): string[] {
  return path.split(process.platform === 'win32' ? /[\\/]+/ : /\/+/).filter((s) => s !== '' && s !== '.');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function listDir(dir: string): Promise<Array<{ name: string; isDir: boolean }>> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() }));
  } catch {
    return [];
  }
}

/** The absolute paths matching `pattern` (relative to `cwd`), sorted; a plain path matches when it exists. */
export async function findMatches(pattern: string, cwd: string): Promise<string[]> {
  const absolute = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
  if (!hasGlob(absolute)) return (await exists(absolute)) ? [absolute] : [];

  /* Everything before the first wildcard segment is a fixed folder to start from. */
  const root = absolute.match(/^([A-Za-z]:)?[\\/]/)?.[0] ?? '/';
  const segments = segmentsOf(absolute.slice(root.length));
  let base = root;
  let first = 0;
  while (first < segments.length && !hasGlob(segments[first] as string)) base = join(base, segments[first++] as string);

  const found = new Set<string>();
  const walk = async (dir: string, index: number): Promise<void> => {
    if (found.size >= MAX_MATCHES) return;
    if (index === segments.length) {
      found.add(dir);
      return;
    }
    const segment = segments[index] as string;
    if (segment === '**') {
      await walk(dir, index + 1);
      for (const entry of await listDir(dir)) {
        if (entry.isDir && !entry.name.startsWith('.')) await walk(join(dir, entry.name), index);
      }
      return;
    }
    if (!hasGlob(segment)) {
      const next = join(dir, segment);
      if (await exists(next)) await walk(next, index + 1);
      return;
    }
    const regexp = segmentRegExp(segment);
    const last = index === segments.length - 1;
    for (const entry of await listDir(dir)) {
      if (entry.name.startsWith('.') && !segment.startsWith('.')) continue;
      if (!regexp.test(entry.name)) continue;
      if (last || entry.isDir) await walk(join(dir, entry.name), index + 1);
    }
  };
  await walk(base, first);
  return [...found].sort();
}
