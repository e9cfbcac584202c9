import { basename } from 'node:path';
import { joinKey } from '../aws/s3-paths';

export interface LocalFile {
  /** Absolute path. */
  path: string;
  /** Path inside the uploaded folder ("train/a.csv"); the file's name for a single file. */
  relative: string;
  size: number;
}

export interface PlannedUpload extends LocalFile {
  key: string;
}

/**
 * Which key each file goes to: a single file to `key`, or to `prefix` + its name; a folder's files to `prefix` +
 * their path inside the folder (with "/" separators whatever the OS).
 */
export function planUpload(source: { path: string; isFolder: boolean }, files: readonly LocalFile[], target: { key?: string; prefix?: string }): PlannedUpload[] {
  if (source.isFolder && target.key) {
    throw new Error(`"${source.path}" is a folder: set prefix (the folder's files go below it) instead of key`);
  }
  if (!source.isFolder) {
    const [file] = files;
    if (!file) return [];
    return [{ ...file, key: target.key || joinKey(target.prefix ?? '', basename(file.path)) }];
  }
  return files.map((file) => ({ ...file, key: joinKey(target.prefix ?? '', file.relative) }));
}
