import { createReadStream } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { Executor, TaskRunContext } from '../execute-types';
import { CancelledError, throwIfCancelled } from '../aws/cancel';
import { describeSession, s3Session, type AwsSession } from '../aws/clients';
import { mapWithConcurrency } from '../aws/concurrency';
import { withAwsErrors } from '../aws/errors';
import { formatBytes } from '../aws/format';
import { partProgress, TransferProgress } from '../aws/progress';
import { readConfig } from '../aws/read-config';
import { resolveLocal, s3Uri } from '../aws/s3-paths';
import { s3UploadOperator } from './definition';
import { listLocalFiles } from './local-files';
import { planUpload, type PlannedUpload } from './plan';

const MiB = 1024 * 1024;

export const executeS3Upload: Executor = async (ctx) => {
  const config = readConfig(s3UploadOperator, ctx.config);
  const source = resolveLocal(ctx.cwd, config.path);
  const { isFolder, files } = await listLocalFiles(source);
  if (files.length === 0) throw new Error(`folder "${source}" has no files to upload`);
  const plan = planUpload({ path: source, isFolder }, files, config);
  const totalBytes = plan.reduce((sum, item) => sum + item.size, 0);

  const s3 = s3Session(ctx, config.connection);
  try {
    ctx.log(`${describeSession(s3)}\n`);
    const where = isFolder ? s3Uri(config.bucket, config.prefix ?? '') : s3Uri(config.bucket, plan[0]!.key);
    const what = isFolder ? `${plan.length} ${plan.length === 1 ? 'file' : 'files'} (${formatBytes(totalBytes)}) from ${source}` : `${source} (${formatBytes(totalBytes)})`;
    ctx.log(`uploading ${what} to ${where}${plan.length > 1 ? ` with concurrency ${config.concurrency}` : ''}\n`);
    const progress = new TransferProgress('uploaded', plan.length, totalBytes, ctx.log);
    const partSize = config.part_size_mb * MiB;
    await mapWithConcurrency(plan, config.concurrency, async (item) => {
      throwIfCancelled(ctx.signal);
      await uploadOne(ctx, s3, config.bucket, item, partSize);
      progress.fileDone(`${item.relative} → ${s3Uri(config.bucket, item.key)}`, item.size);
    });
    ctx.log(`done: ${plan.length} ${plan.length === 1 ? 'file' : 'files'}, ${formatBytes(totalBytes)}\n`);
    return {
      state: 'success',
      returnValue: {
        bucket: config.bucket,
        keys: plan.map((item) => item.key),
        uris: plan.map((item) => s3Uri(config.bucket, item.key)),
        files: plan.length,
        bytes: totalBytes,
      },
    };
  } finally {
    s3.client.destroy();
  }
};

/** One file through lib-storage's Upload: a single PUT when small, a multipart upload in parallel parts when large. */
async function uploadOne(ctx: TaskRunContext, s3: AwsSession<S3Client>, bucket: string, item: PlannedUpload, partSize: number): Promise<void> {
  const upload = new Upload({
    client: s3.client,
    params: { Bucket: bucket, Key: item.key, Body: createReadStream(item.path) },
    partSize,
    queueSize: 4,
    leavePartsOnError: false,
  });
  if (item.size > partSize) {
    const report = partProgress(item.relative, item.size, ctx.log);
    upload.on('httpUploadProgress', (p) => report(p.loaded ?? 0));
  }
  const onAbort = () => {
    // Abort also deletes the parts already sent, so a cancelled multipart upload leaves nothing billable behind.
    upload.abort().catch(() => undefined);
  };
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    await withAwsErrors(s3.call('PutObject', { bucket, key: item.key }), () => upload.done());
  } catch (error) {
    if (ctx.signal.aborted) throw new CancelledError();
    throw error;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
}
