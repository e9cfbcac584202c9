import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** `s3://bucket/key`. */
export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** Splits `s3://bucket/some/prefix` into its bucket and key (the key may be empty). */
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new Error(`"${uri}" is not an s3:// URI`);
  return { bucket: match[1]!, key: match[2]! };
}

/** A prefix and a relative path joined with exactly one "/" (an empty prefix means the bucket's top level). */
export function joinKey(prefix: string, relativePath: string): string {
  const rel = relativePath.split(sep).join('/').replace(/^\/+/, '');
  if (prefix === '') return rel;
  return prefix.endsWith('/') ? `${prefix}${rel}` : `${prefix}/${rel}`;
}

/** A task's path setting, resolved against the task's working folder. */
export function resolveLocal(cwd: string, path: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

/**
 * Where an object found under a prefix lands inside a destination folder: its key's path after the prefix's last
 * "/" (prefix "models/" puts models/v1/a.bin at v1/a.bin; prefix "logs/2024-" puts logs/2024-01.txt at
 * 2024-01.txt). Keys are remote input: one that would climb out of the folder ("../x") or that names a folder
 * ("dir/") gets no local path.
 */
export function localPathForKey(destination: string, prefix: string, key: string): string | undefined {
  if (!key.startsWith(prefix) || key.endsWith('/')) return undefined;
  const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const parts = key.slice(base.length).split('/').filter((part) => part !== '');
  if (parts.length === 0 || parts.some((part) => part === '..' || part === '.')) return undefined;
  const target = join(destination, ...parts);
  const inside = relative(destination, target);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return target;
}
