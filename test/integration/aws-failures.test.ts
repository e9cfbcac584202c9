import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../shared/settings';
import type { Executor } from '../../operators/execute-types';
import { executeS3Download } from '../../operators/s3_download/execute';
import { executeS3KeySensor } from '../../operators/s3_key_sensor/execute';
import { executeS3Upload } from '../../operators/s3_upload/execute';
import { executeSagemakerStopTraining } from '../../operators/sagemaker_stop_training/execute';
import { executeSagemakerTraining } from '../../operators/sagemaker_training/execute';
import { createBucket, startMoto, type MotoServer } from '../support/moto';
import { makeTaskContext } from '../support/task-context';

/*
 * Each AWS operator's failure modes against a real moto server: wrong credentials (moto checks keys and
 * signatures once its authentication is switched on), a missing bucket or key, an endpoint nobody listens on,
 * bad config. Each ends the task with one clear line (the runner writes it to the task's log) and no secret.
 */

const SECRET = 'failures-secret-never-logged-42';
let moto: MotoServer;
let folder: string;
let deadEndpoint: string;

const aws = (name: string, overrides: Partial<Extract<Connection, { type: 'aws' }>> = {}): Connection => ({
  type: 'aws',
  name,
  region: 'us-east-1',
  access_key_id: 'AKIAMOTOEXAMPLE',
  secret_access_key: SECRET,
  endpoint_url: moto.endpoint,
  ...overrides,
});

/** Runs an executor that must fail; returns its one line and checks that it is one line, without a secret. */
async function failure(executor: Executor, config: Record<string, unknown>, connections: Connection[]): Promise<string> {
  const ctx = makeTaskContext({ config, connections });
  const error = await executor(ctx).then(
    (outcome) => {
      throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  const message = (error as Error).message;
  expect(message).not.toMatch(/\n|\s+at\s.*:\d+:\d+/);
  expect(message).not.toContain(SECRET);
  expect(ctx.logText()).not.toContain(SECRET);
  return message;
}

beforeAll(async () => {
  moto = await startMoto();
  await createBucket(moto, 'pets-data');
  folder = mkdtempSync(join(tmpdir(), 'dagstudio-s3-fail-'));
  mkdirSync(join(folder, 'sub'));
  writeFileSync(join(folder, 'sub', 'a.csv'), 'a,b\n1,2\n');
  // A port that was free a moment ago and that nothing listens on.
  deadEndpoint = await new Promise<string>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 9}`));
    });
  });
});

afterAll(async () => {
  await moto?.stop();
});

const training = (overrides: Record<string, unknown> = {}) => ({
  connection: 'moto',
  job_name: 'pets-1',
  role_arn: 'arn:aws:iam::123456789012:role/r',
  image: 'img:1',
  input_s3_uri: 's3://pets-data/in/',
  output_s3_uri: 's3://pets-data/out/',
  poll_interval_s: 0.1,
  ...overrides,
});

describe('wrong credentials', () => {
  let valid: { accessKeyId: string; secretAccessKey: string };

  beforeAll(async () => {
    valid = await moto.createAccessKey('dagstudio-ci');
    await moto.enforceAuth(true);
  });

  afterAll(async () => {
    await moto.enforceAuth(false);
  });

  it('an unknown access key is named as rejected credentials of the connection', async () => {
    const line = await failure(executeS3Upload, { connection: 'moto', bucket: 'pets-data', path: folder, prefix: 'x/' }, [aws('moto', { access_key_id: 'AKIAUNKNOWNKEY000000' })]);
    expect(line).toBe('AWS credentials rejected for connection "moto" (InvalidAccessKeyId)');
  });

  it('a known key with the wrong secret is named too, and the secret is never printed', async () => {
    const line = await failure(executeS3KeySensor, { connection: 'moto', bucket: 'pets-data', key: 'x', poke_interval_s: 0.1, timeout_s: 5 }, [
      aws('moto', { access_key_id: valid.accessKeyId }),
    ]);
    expect(line).toBe('AWS credentials rejected for connection "moto" (SignatureDoesNotMatch)');
  });

  it('the same operators work with the right key (so moto really checks, rather than refusing everything)', async () => {
    const ctx = makeTaskContext({
      config: { connection: 'moto', bucket: 'pets-data', path: folder, prefix: 'authorised/' },
      connections: [aws('moto', { access_key_id: valid.accessKeyId, secret_access_key: valid.secretAccessKey })],
    });
    expect(await executeS3Upload(ctx)).toMatchObject({ state: 'success', returnValue: { keys: ['authorised/sub/a.csv'] } });
  });

  it('SageMaker’s refusal is named from its HTTP status (moto answers it in XML, which the JSON SDK cannot read)', async () => {
    const line = await failure(executeSagemakerTraining, training(), [aws('moto', { access_key_id: 'AKIAUNKNOWNKEY000000' })]);
    expect(line).toBe('AWS credentials rejected for connection "moto" (HTTP 403)');
  });
});

describe('missing bucket or key', () => {
  it('names the bucket that does not exist, for every S3 operator', async () => {
    const connections = [aws('moto')];
    const missing = 'bucket "no-such-bucket" does not exist';
    expect(await failure(executeS3Upload, { connection: 'moto', bucket: 'no-such-bucket', path: folder, prefix: 'x/' }, connections)).toBe(missing);
    expect(await failure(executeS3Download, { connection: 'moto', bucket: 'no-such-bucket', prefix: 'x/', path: folder }, connections)).toBe(missing);
    expect(await failure(executeS3KeySensor, { connection: 'moto', bucket: 'no-such-bucket', key: 'x', poke_interval_s: 0.1, timeout_s: 60 }, connections)).toBe(missing);
  });

  it('names the missing key, and says when a prefix holds nothing', async () => {
    const connections = [aws('moto')];
    expect(await failure(executeS3Download, { connection: 'moto', bucket: 'pets-data', key: 'nope.csv', path: folder }, connections)).toBe(
      'key "nope.csv" does not exist in bucket "pets-data"',
    );
    expect(await failure(executeS3Download, { connection: 'moto', bucket: 'pets-data', prefix: 'empty/', path: folder }, connections)).toBe(
      'no objects under s3://pets-data/empty/',
    );
  });

  it('names the training job that does not exist', async () => {
    expect(await failure(executeSagemakerStopTraining, { connection: 'moto', job_name: 'ghost-job' }, [aws('moto')])).toBe('training job "ghost-job" does not exist');
  });
});

describe('unreachable endpoint', () => {
  it('says which endpoint cannot be reached', async () => {
    const connections = [aws('moto', { endpoint_url: deadEndpoint })];
    const line = `cannot reach ${deadEndpoint} (ECONNREFUSED)`;
    expect(await failure(executeS3Upload, { connection: 'moto', bucket: 'pets-data', path: folder, prefix: 'x/' }, connections)).toBe(line);
    expect(await failure(executeS3KeySensor, { connection: 'moto', bucket: 'pets-data', key: 'x' }, connections)).toBe(line);
    expect(await failure(executeSagemakerTraining, training(), connections)).toBe(line);
  });
});

describe('bad config', () => {
  it('names the field and what is wrong, before any request is sent', async () => {
    const connections = [aws('moto')];
    expect(await failure(executeSagemakerTraining, training({ spot: true }), connections)).toBe(
      'bad sagemaker_training config: max_wait_s: managed spot training needs a max wait (at least the max runtime)',
    );
    // A template that rendered into a name SageMaker would refuse.
    expect(await failure(executeSagemakerTraining, training({ job_name: 'pets_2024-01-01' }), connections)).toBe(
      'bad sagemaker_training config: job_name: "pets_2024-01-01" is not a valid training job name (1–63 letters, digits and hyphens, starting and ending with a letter or digit)',
    );
    expect(await failure(executeS3Upload, { connection: 'moto', bucket: 'pets-data', path: folder }, connections)).toBe(
      'bad s3_upload config: key: set a key (one object) or a prefix (a folder of objects)',
    );
    expect(await failure(executeS3Download, { connection: 'moto', bucket: 'pets-data', key: 'a', path: folder, concurrency: 0 }, connections)).toBe(
      'bad s3_download config: concurrency: must be at least 1',
    );
  });

  it('names a missing local path, a folder given a key, and a connection that is missing or not aws', async () => {
    const connections: Connection[] = [aws('moto'), { type: 'smtp', name: 'mail', host: '127.0.0.1', port: 25, secure: false }];
    expect(await failure(executeS3Upload, { connection: 'moto', bucket: 'pets-data', path: join(folder, 'nope'), prefix: 'x/' }, connections)).toBe(
      `"${join(folder, 'nope')}" does not exist`,
    );
    expect(await failure(executeS3Upload, { connection: 'moto', bucket: 'pets-data', path: folder, key: 'one.csv' }, connections)).toBe(
      `"${folder}" is a folder: set prefix (the folder's files go below it) instead of key`,
    );
    expect(await failure(executeS3KeySensor, { connection: 'nope', bucket: 'pets-data', key: 'x' }, connections)).toBe('connection "nope" does not exist');
    expect(await failure(executeSagemakerStopTraining, { connection: 'mail', job_name: 'j' }, connections)).toBe(
      'connection "mail" is an smtp connection; this task needs an aws connection',
    );
    expect(await failure(executeS3KeySensor, { connection: 'half', bucket: 'pets-data', key: 'x' }, [aws('half', { secret_access_key: '' })])).toBe(
      'connection "half" has an access key id but no secret access key',
    );
  });
});
