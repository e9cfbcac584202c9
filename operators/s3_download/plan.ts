import { basename, join } from 'node:path';
import type { S3Object } from '../aws/s3-list';
import { localPathForKey, s3Uri } from '../aws/s3-paths';

export interface PlannedDownload extends S3Object {
  target: string;
}

/** The local file of a single key: `path` itself, or the key's file name inside `path` when `path` is a folder. */
export function targetForKey(path: string, pathIsFolder: boolean, key: string): string {
  return pathIsFolder ? join(path, basename(key)) : path;
}

/**
 * The local files of everything under a prefix. Folder placeholders ("dir/") are skipped; a key that would land
 * outside the destination is refused, since keys are remote input.
 */
export function planPrefixDownload(bucket: string, prefix: string, destination: string, objects: readonly S3Object[]): PlannedDownload[] {
  const plan: PlannedDownload[] = [];
  for (const object of objects) {
    if (object.key.endsWith('/')) continue;
    const target = localPathForKey(destination, prefix, object.key);
    if (!target) throw new Error(`${s3Uri(bucket, object.key)} would be written outside ${destination}; refusing to download it`);
    plan.push({ ...object, target });
  }
  return plan;
}
