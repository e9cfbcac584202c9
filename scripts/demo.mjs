#!/usr/bin/env node
// `npm run demo`: runs examples/local-mlops.dag.json end to end on this machine, headless.
// It prepares the Python tools (.venv-tools), starts the S3 emulator (moto) on 127.0.0.1, stores the
// connection and variable the example reads in a fresh data folder, runs the pipeline with
// `dagstudio run` (task logs stream to the terminal), prints where the logs and the model are, and
// stops the emulator. Arguments after `--` go to `dagstudio run`, e.g.
//   npm run demo -- --param min_accuracy=1.01     (the validation gate fails the run; notify_on_error runs)
// `--data-dir D` (before any run argument) keeps the run in D instead of a new temporary folder.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pipelineFile = join(root, 'examples', 'local-mlops.dag.json');
const venvBin = join(root, '.venv-tools', 'bin');
const BUCKET = 'local-mlops-demo';
const CONNECTION = 'local_s3';

function say(text) {
  process.stdout.write(`\x1b[1mdemo:\x1b[0m ${text}\n`);
}

function parseArgs(argv) {
  const out = { dataDir: undefined, runArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir' && out.runArgs.length === 0) out.dataDir = argv[++i];
    else if (argv[i] === '--') continue;
    else out.runArgs.push(argv[i]);
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** moto_server on 127.0.0.1; resolves once it answers, with a stop() that ends it. */
async function startEmulator() {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(join(venvBin, 'moto_server'), ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => (output = (output + chunk).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the S3 emulator exited with code ${child.exitCode}:\n${output}`);
    try {
      const reply = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(2000) });
      await reply.arrayBuffer();
      return { endpoint, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the S3 emulator did not answer on ${endpoint} within 60 s:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** A path-style PUT is all S3's CreateBucket needs; the emulator does not check signatures. */
async function createBucket(endpoint) {
  const reply = await fetch(`${endpoint}/${BUCKET}`, { method: 'PUT' });
  if (!reply.ok) throw new Error(`creating bucket ${BUCKET} in the S3 emulator: HTTP ${reply.status} ${await reply.text()}`);
}

/** The app's own settings store (TypeScript, loaded through tsx like bin/dagstudio.js does). */
async function loadStoreModules() {
  const { register } = await import('tsx/esm/api');
  register();
  const settings = await import(pathToFileURL(join(root, 'electron', 'store', 'settings.ts')).href);
  const logs = await import(pathToFileURL(join(root, 'electron', 'store', 'log-files.ts')).href);
  return { SettingsStore: settings.SettingsStore, logPath: logs.logPath };
}

function runPipeline(args) {
  return new Promise((resolve, reject) => {
    // Logs stream on stderr (inherited); stdout is the run's JSON summary.
    const child = spawn(process.execPath, [join(root, 'bin', 'dagstudio.js'), 'run', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    // Ctrl-C reaches the run too (same terminal process group); it cancels, and we wait for it to finish.
    const ignore = () => say('cancelling the run …');
    process.on('SIGINT', ignore);
    child.on('error', reject);
    child.on('close', (code) => {
      process.off('SIGINT', ignore);
      resolve({ code, stdout });
    });
  });
}

function summarize(summary, dataDir, logPath) {
  const width = Math.max(...Object.keys(summary.tasks).map((id) => id.length));
  say(`run ${summary.run_id} of ${summary.dag_id}: ${summary.state}`);
  for (const [id, ti] of Object.entries(summary.tasks)) {
    const took = typeof ti.duration_s === 'number' ? `${ti.duration_s.toFixed(1)} s` : '';
    process.stdout.write(`  ${id.padEnd(width)}  ${String(ti.state).padEnd(16)} ${took}\n`);
  }
  const firstLog = Object.entries(summary.tasks).find(([, ti]) => ti.try_number > 0);
  if (firstLog) {
    const taskLog = join(dataDir, logPath(summary.dag_id, summary.run_id, firstLog[0], firstLog[1].try_number));
    say(`task logs: ${join(taskLog, '..', '..')}/<task>/<try>.log`);
  }
  const packaged = summary.tasks.package_model?.return_value;
  if (packaged && typeof packaged === 'object' && packaged.package) say(`model: ${packaged.package} (holdout accuracy ${packaged.accuracy})`);
  else say('no model was packaged in this run');
  say(`see the run in the app: npx dagstudio serve --data-dir ${dataDir}`);
}

async function main() {
  const { dataDir: chosen, runArgs } = parseArgs(process.argv.slice(2));
  const dataDir = chosen ?? mkdtempSync(join(tmpdir(), 'dagstudio-demo-'));
  mkdirSync(dataDir, { recursive: true });

  say('preparing the Python tools (.venv-tools: moto, numpy, pillow, scikit-learn, flask) …');
  const setup = spawnSync('bash', [join(root, 'scripts', 'setup-python.sh')], { cwd: root, stdio: 'inherit' });
  if (setup.status !== 0) throw new Error('scripts/setup-python.sh failed');

  const { SettingsStore, logPath } = await loadStoreModules();
  say('starting the S3 emulator (moto) …');
  const emulator = await startEmulator();
  try {
    say(`S3 emulator on ${emulator.endpoint}; creating bucket ${BUCKET}`);
    await createBucket(emulator.endpoint);
    const store = new SettingsStore({ dir: dataDir });
    store.setConnection({
      type: 'aws',
      name: CONNECTION,
      region: 'us-east-1',
      access_key_id: 'demo',
      secret_access_key: 'demo-secret',
      endpoint_url: emulator.endpoint,
    });
    store.setVariable({ name: 'mlops_bucket', value: BUCKET, description: 'Bucket of the local-mlops demo (in the S3 emulator)' });
    say(`data folder: ${dataDir} (connection ${CONNECTION}, variable mlops_bucket stored there)`);

    const args = [
      relative(root, pipelineFile),
      '--data-dir', dataDir,
      '--param', `python=${join(venvBin, 'python')}`,
      '--param', `work_dir=${join(dataDir, 'work')}`,
      '--json',
      ...runArgs,
    ];
    say(`dagstudio run ${args.join(' ')}`);
    const { code, stdout } = await runPipeline(args);
    let summary;
    try {
      summary = JSON.parse(stdout);
    } catch {
      say(`dagstudio run ended with exit code ${code} and no run summary`);
      return code === 0 ? 1 : (code ?? 1);
    }
    summarize(summary, dataDir, logPath);
    return code ?? 1;
  } finally {
    await emulator.stop();
    say('S3 emulator stopped');
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
