import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Executor, TaskRunContext } from '../execute-types';
import { CancelledError, throwIfCancelled } from '../aws/cancel';
import { describeSession, s3Session, type AwsSession } from '../aws/clients';
import { mapWithConcurrency } from '../aws/concurrency';
import { withAwsErrors } from '../aws/errors';
import { formatBytes } from '../aws/format';
import { TransferProgress } from '../aws/progress';
import { readConfig } from '../aws/read-config';
import { keyExists, listObjects } from '../aws/s3-list';
import { resolveLocal, s3Uri } from '../aws/s3-paths';
import { s3DownloadOperator } from './definition';
import { planPrefixDownload, targetForKey, type PlannedDownload } from './plan';

export const executeS3Download: Executor = async (ctx) => {
  const config = readConfig(s3DownloadOperator, ctx.config);
  const destination = resolveLocal(ctx.cwd, config.path);
  const s3 = s3Session(ctx, config.connection);
  try {
    ctx.log(`${describeSession(s3)}\n`);
    let plan: PlannedDownload[];
    if (config.key) {
      const object = await keyExists(s3, config.bucket, config.key, ctx.signal);
      if (!object) throw new Error(`key "${config.key}" does not exist in bucket "${config.bucket}"`);
      const isFolder = config.path.endsWith('/') || (await stat(destination).then((s) => s.isDirectory(), () => false));
      plan = [{ ...object, target: targetForKey(destination, isFolder, object.key) }];
    } else {
      const prefix = config.prefix ?? '';
      const objects = await listObjects(s3, config.bucket, prefix, ctx.signal);
      plan = planPrefixDownload(config.bucket, prefix, destination, objects);
      if (plan.length === 0) throw new Error(`no objects under ${s3Uri(config.bucket, prefix)}`);
    }
    if (!config.overwrite) {
      for (const item of plan) {
        if (await stat(item.target).then(() => true, () => false)) throw new Error(`"${item.target}" already exists and overwrite is off`);
      }
    }
    const totalBytes = plan.reduce((sum, item) => sum + item.size, 0);
    const from = config.key ? s3Uri(config.bucket, config.key) : `${plan.length} ${plan.length === 1 ? 'object' : 'objects'} (${formatBytes(totalBytes)}) under ${s3Uri(config.bucket, config.prefix ?? '')}`;
    ctx.log(`downloading ${from} to ${config.key ? plan[0]!.target : destination}\n`);
    const progress = new TransferProgress('downloaded', plan.length, totalBytes, ctx.log);
    await mapWithConcurrency(plan, config.concurrency, async (item) => {
      throwIfCancelled(ctx.signal);
      await downloadOne(ctx, s3, config.bucket, item);
      progress.fileDone(`${s3Uri(config.bucket, item.key)} → ${item.target}`, item.size);
    });
    ctx.log(`done: ${plan.length} ${plan.length === 1 ? 'file' : 'files'}, ${formatBytes(totalBytes)}\n`);
    return { state: 'success', returnValue: { bucket: config.bucket, paths: plan.map((item) => item.target), files: plan.length, bytes: totalBytes } };
  } finally {
    s3.client.destroy();
  }
};

/** Streams one object to a temporary file next to its target, then renames it: a cancelled or failed download never leaves a half file under the real name. */
async function downloadOne(ctx: TaskRunContext, s3: AwsSession<S3Client>, bucket: string, item: PlannedDownload): Promise<void> {
  await mkdir(dirname(item.target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot create the folder for "${item.target}" (${error.code ?? error.message})`);
  });
  const partial = `${item.target}.part-${process.pid}`;
  try {
    const reply = await withAwsErrors(s3.call('GetObject', { bucket, key: item.key }), () =>
      s3.client.send(new GetObjectCommand({ Bucket: bucket, Key: item.key }), { abortSignal: ctx.signal }),
    );
    if (!(reply.Body instanceof Readable)) throw new Error(`GetObject returned no body for ${s3Uri(bucket, item.key)}`);
    await pipeline(reply.Body, createWriteStream(partial), { signal: ctx.signal });
    await rename(partial, item.target);
  } catch (error) {
    await rm(partial, { force: true });
    if (ctx.signal.aborted) throw new CancelledError();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'ENOSPC' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new Error(`cannot write "${item.target}" (${code})`);
    }
    throw error;
  }
}
