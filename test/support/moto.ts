import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeTrainingJobCommand, SageMakerClient, type DescribeTrainingJobCommandOutput } from '@aws-sdk/client-sagemaker';

/**
 * A real moto server (AWS API emulator, from PyPI) on 127.0.0.1 and a free port, for integration tests of the
 * AWS operators. Tests read moto's side of the story through its own HTTP API: /moto-api/data.json (the state of
 * every emulated resource) and the request recorder (every request that reached it).
 *
 * `trainingLifecycle: true` runs test/support/moto-training-lifecycle.py instead of plain moto_server: stock
 * moto 5.2 creates training jobs already Completed and has no StopTrainingJob; that script adds both, through
 * moto's own state manager (see its docstring).
 */
export interface MotoServer {
  endpoint: string;
  stop: () => Promise<void>;
  /** moto's state: service → model class → instances (their JSON-serialisable attributes). */
  modelData: () => Promise<Record<string, Record<string, Array<Record<string, unknown>>>>>;
  /** A training job as moto holds it (attributes in moto's snake_case), without advancing its lifecycle. */
  trainingJob: (name: string) => Promise<Record<string, unknown> | undefined>;
  startRecording: () => Promise<void>;
  /**
   * The requests moto received since recording started (bodies decoded to text). moto appends them to one file
   * from several threads, so large concurrent bodies (multipart uploads) can interleave: record API calls, not transfers.
   */
  recordedRequests: () => Promise<RecordedRequest[]>;
  /** moto's state manager: e.g. ('sagemaker::training_job', { progression: 'manual', times: 1 }). */
  setTransition: (model: string, transition: Record<string, unknown>) => Promise<void>;
  unsetTransition: (model: string) => Promise<void>;
  /** Lifecycle server only: the job ends Failed with this reason at its next describe. */
  failTrainingJob: (name: string, reason: string) => Promise<void>;
  /** An IAM user with an allow-all policy and its access key, for tests that turn authentication on. */
  createAccessKey: (userName: string) => Promise<{ accessKeyId: string; secretAccessKey: string }>;
  /** From the next request on, moto checks signatures and keys like AWS (off again with `false`). */
  enforceAuth: (on: boolean) => Promise<void>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VENV_BIN = join(ROOT, '.venv-tools', 'bin');

/** Builds .venv-tools (moto[server] and friends) when it is missing; quick when it exists. */
export function ensurePythonTools(): void {
  if (existsSync(join(VENV_BIN, 'moto_server'))) return;
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'setup-python.sh')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('scripts/setup-python.sh failed: cannot install moto');
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode}:\n${output()}`);
    try {
      const reply = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2000) });
      await reply.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`moto did not answer on ${endpoint} within 60 s:\n${output()}`);
}

export async function startMoto(options: { trainingLifecycle?: boolean } = {}): Promise<MotoServer> {
  ensurePythonTools();
  const dir = mkdtempSync(join(tmpdir(), 'dagstudio-moto-'));
  const recording = join(dir, 'recording.jsonl');
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const [command, args] = options.trainingLifecycle
    ? [join(VENV_BIN, 'python'), [join(ROOT, 'test', 'support', 'moto-training-lifecycle.py'), '-H', '127.0.0.1', '-p', String(port)]]
    : [join(VENV_BIN, 'moto_server'), ['-H', '127.0.0.1', '-p', String(port)]];
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...process.env, MOTO_RECORDER_FILEPATH: recording, AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilAnswering(endpoint, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const api = async (path: string, init?: RequestInit): Promise<string> => {
    const reply = await fetch(`${endpoint}${path}`, init);
    const text = await reply.text();
    if (!reply.ok) throw new Error(`moto ${path}: HTTP ${reply.status}: ${text.slice(0, 300)}`);
    return text;
  };

  // IAM's query API, routed by the credential scope moto reads from the Authorization header (unchecked while auth is off).
  const iam = (params: Record<string, string>) =>
    api('/', {
      method: 'POST',
      body: new URLSearchParams({ Version: '2010-05-08', ...params }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: 'AWS4-HMAC-SHA256 Credential=testing/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
      },
    });

  const modelData = async () => JSON.parse(await api('/moto-api/data.json')) as Record<string, Record<string, Array<Record<string, unknown>>>>;

  return {
    endpoint,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited(child);
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
    modelData,
    async trainingJob(name) {
      const sagemaker = (await modelData()).sagemaker ?? {};
      for (const instances of Object.values(sagemaker)) {
        const found = instances.find((job) => job.training_job_name === name && 'training_job_status' in job);
        if (found) return found;
      }
      return undefined;
    },
    async startRecording() {
      await api('/moto-api/recorder/reset-recording', { method: 'POST' });
      await api('/moto-api/recorder/start-recording', { method: 'POST' });
    },
    async recordedRequests() {
      if (!existsSync(recording)) return [];
      return readFileSync(recording, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const entry = JSON.parse(line) as { method: string; url: string; headers: Record<string, string>; body: string | null; body_encoded: boolean };
          const body = entry.body ?? '';
          return {
            method: entry.method,
            url: entry.url,
            headers: entry.headers,
            body: entry.body_encoded ? Buffer.from(body, 'base64').toString('utf8') : body,
          };
        });
    },
    async setTransition(model, transition) {
      await api('/moto-api/state-manager/set-transition', { method: 'POST', body: JSON.stringify({ model_name: model, transition }) });
    },
    async unsetTransition(model) {
      await api('/moto-api/state-manager/unset-transition', { method: 'POST', body: JSON.stringify({ model_name: model }) });
    },
    async failTrainingJob(name, reason) {
      if (!options.trainingLifecycle) throw new Error('failTrainingJob needs startMoto({ trainingLifecycle: true })');
      await api('/moto-api/dagstudio/sagemaker/fail-training-job', {
        method: 'POST',
        body: JSON.stringify({ TrainingJobName: name, FailureReason: reason }),
      });
    },
    async createAccessKey(userName) {
      await iam({ Action: 'CreateUser', UserName: userName });
      const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
      await iam({ Action: 'PutUserPolicy', UserName: userName, PolicyName: 'everything', PolicyDocument: policy });
      const xml = await iam({ Action: 'CreateAccessKey', UserName: userName });
      const accessKeyId = /<AccessKeyId>([^<]+)</.exec(xml)?.[1];
      const secretAccessKey = /<SecretAccessKey>([^<]+)</.exec(xml)?.[1];
      if (!accessKeyId || !secretAccessKey) throw new Error(`moto CreateAccessKey gave no key: ${xml.slice(0, 300)}`);
      return { accessKeyId, secretAccessKey };
    },
    async enforceAuth(on) {
      await api('/moto-api/reset-auth', { method: 'POST', body: on ? '0' : 'inf' });
    },
  };
}

/* SDK clients of a moto server, for tests that set up or inspect its state the way AWS users would. moto takes any key. */

export function motoS3Client(moto: Pick<MotoServer, 'endpoint'>): S3Client {
  return new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
}

export async function createBucket(moto: Pick<MotoServer, 'endpoint'>, bucket: string): Promise<void> {
  const s3 = motoS3Client(moto);
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    s3.destroy();
  }
}

/** A training job as SageMaker's API describes it (what an AWS user would see), through moto. */
export async function describeTrainingJob(moto: Pick<MotoServer, 'endpoint'>, name: string): Promise<DescribeTrainingJobCommandOutput> {
  const client = new SageMakerClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials: { accessKeyId: 'x', secretAccessKey: 'y' } });
  try {
    return await client.send(new DescribeTrainingJobCommand({ TrainingJobName: name }));
  } finally {
    client.destroy();
  }
}
