import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../electron/store/settings';
import { logPath } from '../../electron/store/log-files';
import { startMoto, type MotoServer } from '../support/moto';

/*
 * examples/local-mlops.dag.json, run as a user runs it: the real CLI (`dagstudio run --json`) in a child
 * process, real Python tasks in .venv-tools, a real moto S3 server on 127.0.0.1, a real Flask service.
 * The connection and the variable the example reads are stored in a fresh data folder, as the demo does.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const PIPELINE = 'examples/local-mlops.dag.json';
const PYTHON = join(root, '.venv-tools', 'bin', 'python');
const BUCKET = 'local-mlops-test';
const RUN_TIMEOUT_MS = 240_000;

interface TaskSummary {
  state: string;
  try_number: number;
  return_value?: unknown;
  exit_code?: number | null;
  duration_s?: number | null;
}
interface RunSummary {
  run_id: string;
  dag_id: string;
  state: string;
  tasks: Record<string, TaskSummary>;
}

let moto: MotoServer;
let s3: S3Client;
let dataDir: string;

function runExample(workDir: string, extra: string[] = []): Promise<{ code: number | null; summary: RunSummary; stderr: string }> {
  const args = ['bin/dagstudio.js', 'run', PIPELINE, '--data-dir', dataDir, '--json', '--param', `python=${PYTHON}`, '--param', `work_dir=${workDir}`, ...extra];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGINT'), RUN_TIMEOUT_MS - 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      try {
        resolve({ code, summary: JSON.parse(stdout) as RunSummary, stderr });
      } catch {
        reject(new Error(`dagstudio run exited ${code} without a JSON summary.\nstdout: ${stdout}\nstderr: ${stderr.slice(-4000)}`));
      }
    });
  });
}

function taskLog(summary: RunSummary, taskId: string): string {
  const tryNumber = summary.tasks[taskId]!.try_number;
  return readFileSync(join(dataDir, logPath(summary.dag_id, summary.run_id, taskId, tryNumber)), 'utf8');
}

/** Live (not zombie) processes whose command line mentions `marker` (Linux /proc; empty elsewhere). */
function processesMentioning(marker: string): string[] {
  if (!existsSync('/proc/self/cmdline')) return [];
  const found: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z' && cmdline.includes(marker)) found.push(`${name}: ${cmdline}`);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  if (existsSync('/proc/self')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const states = (summary: RunSummary) => Object.fromEntries(Object.entries(summary.tasks).map(([id, t]) => [id, t.state]));

beforeAll(async () => {
  moto = await startMoto();
  s3 = new S3Client({ region: 'us-east-1', endpoint: moto.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  dataDir = mkdtempSync(join(tmpdir(), 'dagstudio-examples-'));
  const store = new SettingsStore({ dir: dataDir });
  store.setConnection({ type: 'aws', name: 'local_s3', region: 'us-east-1', access_key_id: 'testing', secret_access_key: 'testing-secret', endpoint_url: moto.endpoint });
  store.setVariable({ name: 'mlops_bucket', value: BUCKET });
});

afterAll(async () => {
  s3?.destroy();
  await moto?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('examples/local-mlops.dag.json', () => {
  it(
    'runs end to end to success: the features go through S3, the model is trained, validated, packaged, served and answers a known image',
    async () => {
      const workDir = join(dataDir, 'work-success');
      const { code, summary, stderr } = await runExample(workDir);
      expect(states(summary), stderr.slice(-4000)).toEqual({
        generate_dataset: 'success',
        featurize: 'success',
        upload_features: 'success',
        download_features: 'success',
        train_model: 'success',
        validate_model: 'success',
        package_model: 'success',
        start_service: 'success',
        check_prediction: 'success',
        verify_prediction: 'success',
        stop_service: 'success',
        notify_on_error: 'skipped',
      });
      expect(summary.state).toBe('success');
      expect(code).toBe(0);

      // The features really went through the emulator, under this run's prefix.
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `local-mlops/${summary.run_id}/features/` }));
      expect((listed.Contents ?? []).map((o) => o.Key!.split('/').pop()).sort()).toEqual(['features.json', 'features.npz']);

      const generated = summary.tasks.generate_dataset!.return_value as { images: number; run_dir: string };
      expect(generated.images).toBe(300);
      expect(generated.run_dir.startsWith(workDir)).toBe(true);
      expect(summary.tasks.validate_model!.return_value).toMatchObject({ accuracy: expect.any(Number), holdout_rows: 75 });
      expect((summary.tasks.validate_model!.return_value as { accuracy: number }).accuracy).toBeGreaterThanOrEqual(0.9);
      const packaged = summary.tasks.package_model!.return_value as { package: string };
      expect(existsSync(packaged.package)).toBe(true);

      // The service answered the held-back circle with {"prediction", "prob"}, and is gone now.
      expect(summary.tasks.check_prediction!.return_value).toEqual({ prediction: 'circle', prob: expect.any(Number) });
      expect(summary.tasks.verify_prediction!.return_value).toMatchObject({ prediction: 'circle', expected: 'circle' });
      const service = summary.tasks.start_service!.return_value as { pid: number; url: string };
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(isAlive(service.pid)).toBe(false);
      expect(summary.tasks.stop_service!.return_value).toEqual({ stopped: true, pid: service.pid });
      expect(processesMentioning(workDir)).toEqual([]);

      // Each task's log is on disk, with what the task printed.
      expect(taskLog(summary, 'validate_model')).toMatch(/holdout accuracy \d\.\d+ on 75 rows \(minimum 0\.9\)/);
      expect(taskLog(summary, 'upload_features')).toContain(`s3://${BUCKET}/local-mlops/`);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'fails at validate_model when the threshold is unreachable: notify_on_error runs, the deployment steps are upstream_failed, nothing is left running',
    async () => {
      const workDir = join(dataDir, 'work-unreachable');
      const { code, summary, stderr } = await runExample(workDir, ['--param', 'min_accuracy=1.01']);
      expect(states(summary), stderr.slice(-4000)).toEqual({
        generate_dataset: 'success',
        featurize: 'success',
        upload_features: 'success',
        download_features: 'success',
        train_model: 'success',
        validate_model: 'failed',
        package_model: 'upstream_failed',
        start_service: 'upstream_failed',
        check_prediction: 'upstream_failed',
        verify_prediction: 'upstream_failed',
        stop_service: 'success',
        notify_on_error: 'success',
      });
      expect(summary.state).toBe('failed');
      expect(code).toBe(1);
      expect(summary.tasks.validate_model!.exit_code).toBe(1);
      expect(taskLog(summary, 'validate_model')).toMatch(/accuracy \d\.\d+ is under the minimum 1\.01/);
      expect(summary.tasks.stop_service!.return_value).toEqual({ stopped: false });
      // The notification's own summary names the failed task (a notify task returns what it sent).
      expect(summary.tasks.notify_on_error!.return_value).toMatchObject({ message: expect.stringContaining('1 task failed: validate_model') });
      expect(existsSync(join((summary.tasks.generate_dataset!.return_value as { run_dir: string }).run_dir, 'package'))).toBe(false);
      expect(processesMentioning(workDir)).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );
});
