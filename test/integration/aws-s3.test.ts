import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsConnection } from '../../shared/settings';
import { executeS3Download } from '../../operators/s3_download/execute';
import { executeS3KeySensor } from '../../operators/s3_key_sensor/execute';
import { executeS3Upload } from '../../operators/s3_upload/execute';
import { CancelledError } from '../../operators/aws/cancel';
import { motoS3Client, startMoto, type MotoServer } from '../support/moto';
import { logReaches, makeTaskContext } from '../support/task-context';

/* s3_upload, s3_key_sensor and s3_download against a real moto server: a folder goes up, the sensor sees it, it comes back byte-identical. */

const SECRET = 'moto-secret-access-key-0123456789';
let moto: MotoServer;
let connection: AwsConnection;
let s3: S3Client;
let source: string;

function folderFiles(): Record<string, Buffer> {
  return {
    'train/labels.csv': Buffer.from('file,label\ncat_1.jpg,cat\ndog_1.jpg,dog\n'),
    'train/images/cat 1.jpg': randomBytes(70_000),
    'train/images/dog_1.jpg': randomBytes(90_000),
    'val/empty.txt': Buffer.alloc(0),
    // Larger than the 5 MiB part size below: goes up as a multipart upload.
    'weights/base.bin': randomBytes(12 * 1024 * 1024 + 123),
  };
}
const files = folderFiles();

beforeAll(async () => {
  moto = await startMoto();
  connection = { type: 'aws', name: 'moto', region: 'us-east-1', access_key_id: 'AKIAMOTOEXAMPLE', secret_access_key: SECRET, endpoint_url: moto.endpoint };
  s3 = motoS3Client(moto);
  await s3.send(new CreateBucketCommand({ Bucket: 'pets-data' }));
  source = mkdtempSync(join(tmpdir(), 'dagstudio-s3-src-'));
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(join(source, relative, '..'), { recursive: true });
    writeFileSync(join(source, relative), content);
  }
});

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
});

function task(config: Record<string, unknown>) {
  return makeTaskContext({ config, connections: [connection] });
}

describe('S3 operators against moto', () => {
  it('uploads a folder recursively under a prefix, the sensor sees it, and it downloads back byte for byte', async () => {
    // The sensor starts first and has to wait for the upload.
    const sensorCtx = task({ connection: 'moto', bucket: 'pets-data', key: 'datasets/2024-01-01/train/labels.csv', poke_interval_s: 0.2, timeout_s: 120 });
    const sensing = executeS3KeySensor(sensorCtx);
    await logReaches(sensorCtx, 'check 1: not there yet');

    const uploadCtx = task({ connection: 'moto', bucket: 'pets-data', path: source, prefix: 'datasets/2024-01-01/', concurrency: 3, part_size_mb: 5 });
    const uploaded = await executeS3Upload(uploadCtx);
    const keys = Object.keys(files).map((relative) => `datasets/2024-01-01/${relative}`).sort();
    expect(uploaded).toEqual({
      state: 'success',
      returnValue: {
        bucket: 'pets-data',
        keys,
        uris: keys.map((key) => `s3://pets-data/${key}`),
        files: 5,
        bytes: Object.values(files).reduce((sum, b) => sum + b.length, 0),
      },
    });
    const log = uploadCtx.logText();
    expect(log).toContain(`using connection "moto" → ${moto.endpoint}\n`);
    expect(log).toContain(`uploading 5 files (12.2 MiB) from ${source} to s3://pets-data/datasets/2024-01-01/ with concurrency 3\n`);
    expect(log).toContain('] uploaded train/images/cat 1.jpg → s3://pets-data/datasets/2024-01-01/train/images/cat 1.jpg (68.4 KiB)\n');
    expect(log).toMatch(/ {4}weights\/base\.bin: (25|50|75)% \(/);
    expect(log).toContain('done: 5 files, 12.2 MiB\n');

    // moto's side: every object with its size, and the large one through the multipart API.
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'pets-data', Prefix: 'datasets/' }));
    expect(Object.fromEntries((listed.Contents ?? []).map((o) => [o.Key, o.Size]))).toEqual(
      Object.fromEntries(Object.entries(files).map(([relative, content]) => [`datasets/2024-01-01/${relative}`, content.length])),
    );
    // S3 gives a multipart object the ETag "<md5 of the parts' md5s>-<number of parts>": 12 MiB in 5 MiB parts is 3.
    const big = await s3.send(new HeadObjectCommand({ Bucket: 'pets-data', Key: 'datasets/2024-01-01/weights/base.bin' }));
    expect(big.ETag).toMatch(/-3"$/);

    const sensed = await sensing;
    expect(sensed).toEqual({
      state: 'success',
      returnValue: { bucket: 'pets-data', keys: ['datasets/2024-01-01/train/labels.csv'], uris: ['s3://pets-data/datasets/2024-01-01/train/labels.csv'] },
    });
    expect(sensorCtx.logText()).toContain('waiting for s3://pets-data/datasets/2024-01-01/train/labels.csv (every 0.2 s, at most 120 s)\n');
    expect(sensorCtx.logText()).toContain('found s3://pets-data/datasets/2024-01-01/train/labels.csv\n');

    const destination = mkdtempSync(join(tmpdir(), 'dagstudio-s3-dst-'));
    const downloadCtx = task({ connection: 'moto', bucket: 'pets-data', prefix: 'datasets/2024-01-01/', path: destination, concurrency: 2 });
    const downloaded = await executeS3Download(downloadCtx);
    expect(downloaded.state).toBe('success');
    expect((downloaded.returnValue as { paths: string[] }).paths).toEqual(Object.keys(files).sort().map((relative) => join(destination, relative)));
    for (const [relative, content] of Object.entries(files)) {
      expect(readFileSync(join(destination, relative)).equals(content), relative).toBe(true);
    }
    for (const ctx of [sensorCtx, uploadCtx, downloadCtx]) expect(ctx.logText()).not.toContain(SECRET);
  });

  it('uploads a single file to an exact key and downloads it into a folder under its own name', async () => {
    const uploadCtx = task({ connection: 'moto', bucket: 'pets-data', path: join(source, 'train', 'labels.csv'), key: 'single/labels-v2.csv' });
    expect(await executeS3Upload(uploadCtx)).toMatchObject({ returnValue: { keys: ['single/labels-v2.csv'], uris: ['s3://pets-data/single/labels-v2.csv'], files: 1 } });
    const head = await s3.send(new HeadObjectCommand({ Bucket: 'pets-data', Key: 'single/labels-v2.csv' }));
    expect(head.ContentLength).toBe(files['train/labels.csv']!.length);

    const destination = mkdtempSync(join(tmpdir(), 'dagstudio-s3-one-'));
    const downloadCtx = task({ connection: 'moto', bucket: 'pets-data', key: 'single/labels-v2.csv', path: `${destination}/` });
    const result = await executeS3Download(downloadCtx);
    expect(result.returnValue).toEqual({ bucket: 'pets-data', paths: [join(destination, 'labels-v2.csv')], files: 1, bytes: files['train/labels.csv']!.length });
    expect(readFileSync(join(destination, 'labels-v2.csv')).equals(files['train/labels.csv']!)).toBe(true);
  });

  it('a prefix sensor succeeds as soon as anything is under the prefix', async () => {
    const ctx = task({ connection: 'moto', bucket: 'pets-data', prefix: 'datasets/2024-01-01/train/images/', poke_interval_s: 0.2, timeout_s: 30 });
    const result = await executeS3KeySensor(ctx);
    expect(result.returnValue).toEqual({
      bucket: 'pets-data',
      keys: ['datasets/2024-01-01/train/images/cat 1.jpg', 'datasets/2024-01-01/train/images/dog_1.jpg'],
      uris: ['s3://pets-data/datasets/2024-01-01/train/images/cat 1.jpg', 's3://pets-data/datasets/2024-01-01/train/images/dog_1.jpg'],
    });
  });

  it('the sensor fails with one clear line when the key is still missing at its timeout', async () => {
    const ctx = task({ connection: 'moto', bucket: 'pets-data', key: 'never/_SUCCESS', poke_interval_s: 0.2, timeout_s: 0.5 });
    await expect(executeS3KeySensor(ctx)).rejects.toThrow(/^s3:\/\/pets-data\/never\/_SUCCESS still missing after 0\.5 s \(\d+ checks\)$/);
  });

  it('a cancelled sensor stops waiting at once, even with a long poke interval', async () => {
    const ctx = task({ connection: 'moto', bucket: 'pets-data', key: 'never/_SUCCESS', poke_interval_s: 3600, timeout_s: 7200 });
    const sensing = executeS3KeySensor(ctx);
    await logReaches(ctx, 'check 1: not there yet; next check in 3600 s');
    ctx.controller.abort();
    await expect(sensing).rejects.toBeInstanceOf(CancelledError);
  });

  it('a cancelled multipart upload stops and leaves neither the object nor its parts behind', async () => {
    const big = join(mkdtempSync(join(tmpdir(), 'dagstudio-s3-big-')), 'big.bin');
    writeFileSync(big, randomBytes(64 * 1024 * 1024));
    const ctx = task({ connection: 'moto', bucket: 'pets-data', path: big, key: 'cancelled/big.bin', part_size_mb: 5 });
    const log = ctx.log;
    ctx.log = (text) => {
      log(text);
      // A quarter is up: the multipart upload exists and has parts.
      if (text.includes('big.bin: 25%')) ctx.controller.abort();
    };
    await expect(executeS3Upload(ctx)).rejects.toBeInstanceOf(CancelledError);
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'pets-data', Key: 'cancelled/big.bin' }))).rejects.toMatchObject({ name: 'NotFound' });
    // The abort of the multipart upload may still be in flight when the task has returned.
    for (let i = 0; i < 50; i++) {
      const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket: 'pets-data', Prefix: 'cancelled/' }));
      if ((uploads.Uploads ?? []).length === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the cancelled multipart upload was not aborted');
  });

  it('refuses to overwrite a local file when overwrite is off', async () => {
    const destination = mkdtempSync(join(tmpdir(), 'dagstudio-s3-keep-'));
    writeFileSync(join(destination, 'labels.csv'), 'mine');
    const ctx = task({ connection: 'moto', bucket: 'pets-data', key: 'datasets/2024-01-01/train/labels.csv', path: destination, overwrite: false });
    await expect(executeS3Download(ctx)).rejects.toThrow(`"${join(destination, 'labels.csv')}" already exists and overwrite is off`);
    expect(readFileSync(join(destination, 'labels.csv'), 'utf8')).toBe('mine');
  });
});
