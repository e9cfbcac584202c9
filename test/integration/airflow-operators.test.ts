import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner, type Runner } from '../../electron/runner/runner';
import type { Connection } from '../../shared/settings';
import { startHttpServer, type TestHttpServer } from '../support/http-server';
import { createBucket, startMoto, type MotoServer } from '../support/moto';

/*
 * The AWS, HTTP, sensor and notify mappings run by a real Apache Airflow against the same real servers as a
 * local run (moto on 127.0.0.1 for S3 and SageMaker, a local HTTP server for the HTTP operators and the
 * webhook): each task ends in the same state, and where the mapping keeps dagstudio's return value, with the
 * same XCom. DAGSTUDIO_AIRFLOW_SERIES picks the Airflow versions ("2,3" by default).
 */

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const CLI = join(ROOT, 'bin/dagstudio.js');
const FIXTURES = join(ROOT, 'test/fixtures/airflow');
const SERIES = (process.env.DAGSTUDIO_AIRFLOW_SERIES ?? '2,3').split(',').map((s) => s.trim()).filter(Boolean);
const DAG_ID = 'airflow_operators';

/** Runs a command without blocking the event loop (the HTTP server the tasks call lives in this process). */
function runAsync(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

function mustRunSync(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 1_500_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(-4000)}`);
  return result.stdout;
}

let moto: MotoServer;
let http: TestHttpServer;
let work: string;
let pipelineFile: string;
let local: Record<string, { state: string; return_value?: unknown }>;

function pipeline(webhook: string, source: string, destination: string, ready: string) {
  const at = { x: 0, y: 0 };
  return {
    format: 'dagstudio/pipeline',
    version: 1,
    id: DAG_ID,
    params: { tag: 'v1' },
    tasks: [
      { id: 'upload', operator: 's3_upload', config: { connection: 'moto', bucket: 'af-data', path: source, prefix: 'sets/{{ params.tag }}/' }, position: at },
      {
        id: 'sense',
        operator: 's3_key_sensor',
        config: { connection: 'moto', bucket: 'af-data', key: "{{ ti.xcom_pull(task_ids='upload')['keys'][0] }}", poke_interval_s: 1, timeout_s: 60 },
        position: at,
      },
      { id: 'download', operator: 's3_download', config: { connection: 'moto', bucket: 'af-data', prefix: 'sets/{{ params.tag }}/', path: destination }, position: at },
      { id: 'stop_missing', operator: 'sagemaker_stop_training', config: { connection: 'moto', job_name: 'never-started', ignore_missing: true }, position: at },
      {
        id: 'train',
        operator: 'sagemaker_training',
        config: {
          connection: 'moto',
          job_name: 'af-{{ params.tag }}-{{ ts_nodash }}',
          role_arn: 'arn:aws:iam::123456789012:role/SageMakerExecution',
          image: 'img:1',
          input_s3_uri: 's3://af-data/sets/{{ params.tag }}/',
          output_s3_uri: 's3://af-data/models/',
          hyperparameters: { epochs: 2 },
          poll_interval_s: 1,
        },
        position: at,
      },
      { id: 'status', operator: 'http_request', config: { connection: 'local', url: '/status' }, position: at },
      { id: 'wait_up', operator: 'http_sensor', config: { connection: 'local', url: '/status', response_contains: 'ok', poke_interval_s: 1, timeout_s: 60 }, position: at },
      { id: 'wait_file', operator: 'file_sensor', config: { path: ready, poke_interval_s: 1, timeout_s: 60 }, position: at },
      { id: 'tell', operator: 'notify', config: { title: 'Run of {{ dag.dag_id }}', message: 'done {{ params.tag }}', channels: { webhook_url: webhook } }, position: at },
    ],
    edges: [
      { from: 'download', to: 'train' },
      { from: 'sense', to: 'download' },
      { from: 'status', to: 'tell' },
      { from: 'train', to: 'tell' },
      { from: 'upload', to: 'sense' },
      { from: 'wait_file', to: 'tell' },
      { from: 'wait_up', to: 'tell' },
    ],
  };
}

beforeAll(async () => {
  moto = await startMoto();
  await createBucket(moto, 'af-data');
  http = await startHttpServer();
  work = mkdtempSync(join(tmpdir(), 'dagstudio-af-ops-'));
  mkdirSync(join(work, 'source', 'train'), { recursive: true });
  writeFileSync(join(work, 'source', 'train', 'a.csv'), 'x,y\n1,2\n');
  writeFileSync(join(work, 'source', 'meta.json'), '{"rows": 1}\n');
  writeFileSync(join(work, 'ready.flag'), '');
  pipelineFile = join(work, 'ops.dag.json');
  const doc = pipeline(`${http.url}/hook`, join(work, 'source'), join(work, 'downloaded'), join(work, 'ready.flag'));
  writeFileSync(pipelineFile, JSON.stringify(doc, null, 2) + '\n');

  const connections: Connection[] = [
    { type: 'aws', name: 'moto', region: 'us-east-1', access_key_id: 'x', secret_access_key: 'y', endpoint_url: moto.endpoint },
    { type: 'http', name: 'local', base_url: http.url },
  ];
  const runner: Runner = createRunner({ dataDir: join(work, 'local-data'), settings: { variables: () => [], connections: () => connections }, parallelism: 2 });
  try {
    const { done } = await runner.start(doc as never, { pipelinePath: pipelineFile });
    local = (await done).tasks as typeof local;
  } finally {
    await runner.close();
  }
}, 600_000);

afterAll(async () => {
  await http?.close();
  await moto?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.each(SERIES)('the operators in Apache Airflow series %s', (series) => {
  it('end in the same states as a local run, with the same XCom where the mapping keeps it', async () => {
    expect(Object.values(local).every((t) => t.state === 'success'), JSON.stringify(local)).toBe(true);
    const venv = mustRunSync('bash', ['scripts/setup-airflow.sh', series]).trim().split('\n').pop() as string;
    const home = mkdtempSync(join(tmpdir(), `dagstudio-af-ops${series}-`));
    try {
      const dags = join(home, 'dags');
      mkdirSync(dags);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        AIRFLOW_HOME: home,
        AIRFLOW__CORE__DAGS_FOLDER: dags,
        AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
        AIRFLOW_CONN_MOTO: JSON.stringify({ conn_type: 'aws', login: 'x', password: 'y', extra: { region_name: 'us-east-1', endpoint_url: moto.endpoint } }),
        AIRFLOW_CONN_LOCAL: JSON.stringify({ conn_type: 'http', host: '127.0.0.1', port: http.port, schema: 'http' }),
        AIRFLOW_CONN_FS_DEFAULT: JSON.stringify({ conn_type: 'fs', extra: { path: '/' } }),
        // The webhook URL is a secret: the exported file reads it from this Airflow variable.
        AIRFLOW_VAR_TELL_WEBHOOK_URL: `${http.url}/hook`,
      };
      mustRunSync(join(venv, 'bin/airflow'), ['db', 'migrate'], env);
      const dagFile = join(dags, 'ops.py');
      mustRunSync('node', [CLI, 'export', pipelineFile, '--to', 'airflow', '-o', dagFile]);
      const before = http.requests.filter((r) => r.path === '/hook').length;
      const result = await runAsync(join(venv, 'bin/python'), [join(FIXTURES, 'run_dag.py'), dagFile, DAG_ID], env);
      expect(result.code, result.stderr.slice(-4000)).toBe(0);
      const airflow = (JSON.parse(result.stdout) as { tasks: Record<string, { state: string; return_value: unknown }> }).tasks;

      expect(Object.fromEntries(Object.entries(airflow).map(([id, t]) => [id, t.state]))).toEqual(
        Object.fromEntries(Object.entries(local).map(([id, t]) => [id, t.state])),
      );
      for (const id of ['upload', 'download', 'stop_missing', 'status', 'tell']) {
        expect(airflow[id]!.return_value, id).toEqual(local[id]!.return_value);
      }
      // Known and reported differences: Airflow's sensors push no XCom, and SageMakerTrainingOperator pushes its own.
      for (const id of ['sense', 'wait_up', 'wait_file']) expect(airflow[id]!.return_value, id).toBeNull();
      expect(airflow.train!.return_value).toMatchObject({ Training: { TrainingJobStatus: 'Completed' } });
      const hooks = http.requests.filter((r) => r.path === '/hook');
      expect(hooks.length).toBe(before + 1);
      expect(JSON.parse(hooks[hooks.length - 1]!.body)).toEqual({ text: 'done v1' });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 1_800_000);
});
