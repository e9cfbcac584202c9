import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineSchema, type Pipeline } from '../../shared/pipeline/schema';

/*
 * The exported DAG files, loaded and run by a real Apache Airflow (pip, in venvs made by
 * scripts/setup-airflow.sh): every pipeline of test/fixtures/airflow and examples/ loads through Airflow's
 * own DagBag with the source's tasks, edges, trigger rules, retries, timeouts and groups, and a pipeline
 * of bash/python/empty tasks ends, under `dag.test()`, in the same states with the same XCom values as
 * `dagstudio run` gives. DAGSTUDIO_AIRFLOW_SERIES picks the Airflow versions ("2,3" by default).
 */

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = join(ROOT, 'test/fixtures/airflow');
const CLI = join(ROOT, 'bin/dagstudio.js');
const SERIES = (process.env.DAGSTUDIO_AIRFLOW_SERIES ?? '2,3').split(',').map((s) => s.trim()).filter(Boolean);

const PIPELINES = [
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.dag.json')).map((f) => join(FIXTURES, f)),
  ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.dag.json')).map((f) => join(ROOT, 'examples', f)),
].sort();
const RUNNABLE = join(FIXTURES, 'semantics.dag.json');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, timeout = 600_000): SpawnSyncReturns<string> {
  const result = spawnSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result;
}

function mustRun(cmd: string, args: string[], env?: NodeJS.ProcessEnv, timeout?: number): string {
  const result = run(cmd, args, env, timeout);
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(-4000)}`);
  return result.stdout;
}

function loadPipeline(file: string): Pipeline {
  return pipelineSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The name an exported file gets in the dags folder. */
function dagFileName(file: string): string {
  return basename(file).replace(/\.dag\.json$/, '').replace(/[^A-Za-z0-9_]/g, '_') + '.py';
}

interface InspectedTask {
  operator: string;
  upstream: string[];
  trigger_rule: string;
  retries: number;
  retry_delay_s: number | null;
  timeout_s: number | null;
  groups: string[];
  doc_md: string | null;
  fields?: Record<string, unknown>;
}

interface Inspected {
  airflow_version: string;
  import_errors: Record<string, string>;
  dags: Record<string, { tasks: Record<string, InspectedTask>; schedule: string | null; params: Record<string, unknown>; doc_md: string | null; catchup: boolean }>;
}

/** What Airflow must see for a pipeline, computed from the source file alone. */
function expectedTasks(pipeline: Pipeline): Record<string, Omit<InspectedTask, 'operator' | 'fields'>> {
  const d = pipeline.defaults ?? {};
  const parents = new Map(pipeline.groups.map((g) => [g.id, g.parent]));
  const out: Record<string, Omit<InspectedTask, 'operator' | 'fields'>> = {};
  for (const task of pipeline.tasks) {
    const groups: string[] = [];
    for (let g = task.group; g !== undefined; g = parents.get(g)) groups.push(g);
    out[task.id] = {
      upstream: pipeline.edges.filter((e) => e.to === task.id).map((e) => e.from).sort(),
      trigger_rule: task.trigger_rule ?? d.trigger_rule ?? 'all_success',
      retries: task.retries ?? d.retries ?? 0,
      // 300 s is both Airflow's and the local runner's default retry delay.
      retry_delay_s: task.retry_delay_s ?? d.retry_delay_s ?? 300,
      timeout_s: task.timeout_s ?? d.timeout_s ?? null,
      groups,
      doc_md: task.note ?? null,
    };
  }
  return out;
}

/* Each pipeline is exported once (the CLI, a real process); the round trip and every Airflow series use that file. */
const exportDir = mkdtempSync(join(tmpdir(), 'dagstudio-airflow-export-'));
beforeAll(() => {
  for (const file of PIPELINES) mustRun('node', [CLI, 'export', file, '--to', 'airflow', '-o', join(exportDir, dagFileName(file))]);
}, 600_000);
afterAll(() => rmSync(exportDir, { recursive: true, force: true }));

describe('export → import', () => {
  it.each(PIPELINES.map((f) => [basename(f), f]))('gives back %s byte for byte', (_name, file) => {
    const back = join(exportDir, `${basename(file)}.back`);
    mustRun('node', [CLI, 'import', join(exportDir, dagFileName(file)), '-o', back]);
    expect(readFileSync(back)).toEqual(readFileSync(file));
  });
});

describe('dagstudio export and import on the command line', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dagstudio-export-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses bad arguments and unreadable files with exit 2, naming the file', () => {
    const noTarget = run('node', [CLI, 'export', RUNNABLE]);
    expect(noTarget.status).toBe(2);
    expect(noTarget.stderr).toContain('--to is required');
    const missing = run('node', [CLI, 'export', join(dir, 'nope.dag.json'), '--to', 'airflow']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.dag\.json: cannot read file: ENOENT/);
    expect(run('node', [CLI, 'export', RUNNABLE, '--to', 'prefect']).stderr).toContain('unknown target "prefect"');
  });

  it('refuses an invalid pipeline with exit 1 and one line per problem', () => {
    const bad = join(dir, 'bad.dag.json');
    writeFileSync(bad, JSON.stringify({ format: 'dagstudio/pipeline', version: 1, id: 'bad', tasks: [{ id: 'a', operator: 'bash', config: {}, position: { x: 0, y: 0 } }] }));
    const result = run('node', [CLI, 'export', bad, '--to', 'airflow', '-o', join(dir, 'bad.py')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.dag\.json: tasks\[0\]\.config\.command: /);
    expect(existsSync(join(dir, 'bad.py'))).toBe(false);
  });

  it('prints the report before writing, and with --strict writes nothing and exits 1', () => {
    const file = join(ROOT, 'examples/local-mlops.dag.json');
    const out = join(dir, 'strict.py');
    const strict = run('node', [CLI, 'export', file, '--to', 'airflow', '-o', out, '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/cannot be exported exactly \(--strict: nothing written\):\n {2}.*local-mlops\.dag\.json: tasks\./);
    expect(existsSync(out)).toBe(false);
    const loose = run('node', [CLI, 'export', file, '--to', 'airflow', '-o', out]);
    expect(loose.status).toBe(0);
    expect(loose.stderr).toMatch(/exported, but not everything exactly:/);
    expect(readFileSync(out, 'utf8')).toMatch(/^# .*Apache Airflow DAG/);
  });

  it('writes the DAG file to stdout without -o', () => {
    const result = run('node', [CLI, 'export', RUNNABLE, '--to', 'airflow']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("dag_id='airflow_semantics'");
  });

  it('refuses to import a Python file that was not exported by dagstudio', () => {
    const py = join(dir, 'hand.py');
    writeFileSync(py, 'from airflow import DAG\n');
    const result = run('node', [CLI, 'import', py]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/hand\.py: no embedded pipeline/);
  });
});

describe.each(SERIES)('Apache Airflow series %s', (series) => {
  let python = '';
  let home = '';
  let dags = '';
  let env: NodeJS.ProcessEnv = {};
  let inspected: Inspected;

  beforeAll(() => {
    const venv = mustRun('bash', ['scripts/setup-airflow.sh', series], process.env, 1_500_000).trim().split('\n').pop() as string;
    python = join(venv, 'bin/python');
    home = mkdtempSync(join(tmpdir(), `dagstudio-airflow${series}-`));
    dags = join(home, 'dags');
    mkdirSync(dags);
    env = {
      ...process.env,
      AIRFLOW_HOME: home,
      AIRFLOW__CORE__DAGS_FOLDER: dags,
      AIRFLOW__CORE__LOAD_EXAMPLES: 'False',
      AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: `sqlite:///${join(home, 'airflow.db')}`,
      PYTHONDONTWRITEBYTECODE: '1',
    };
    mustRun(join(venv, 'bin/airflow'), ['db', 'migrate'], env);
    for (const file of PIPELINES) copyFileSync(join(exportDir, dagFileName(file)), join(dags, dagFileName(file)));
    inspected = JSON.parse(mustRun(python, [join(FIXTURES, 'inspect_dag.py'), dags], env)) as Inspected;
  }, 1_800_000);

  afterAll(() => {
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('loads every exported file without an import error', () => {
    expect(inspected.import_errors).toEqual({});
    expect(Object.keys(inspected.dags).sort()).toEqual(PIPELINES.map((f) => loadPipeline(f).id).sort());
  });

  it.each(PIPELINES.map((f) => [basename(f), f]))(
    'sees in %s the same tasks, upstream sets, trigger rules, retries, retry delays, timeouts and groups',
    (_name, file) => {
      const pipeline = loadPipeline(file);
      const dag = inspected.dags[pipeline.id];
      expect(dag, `DAG ${pipeline.id} is missing`).toBeDefined();
      const seen = Object.fromEntries(Object.entries(dag!.tasks).map(([id, t]) => {
        const { operator: _operator, fields: _fields, ...rest } = t;
        return [id, rest];
      }));
      expect(seen).toEqual(expectedTasks(pipeline));
      expect(dag!.schedule).toBe(pipeline.schedule);
      expect(dag!.params).toEqual(pipeline.params);
      expect(dag!.doc_md).toBe(pipeline.description ?? null);
      expect(dag!.catchup).toBe(false);
    },
  );

  it('passes commands, code, arguments and env through to the operators unchanged (quotes, backslashes, CR, Unicode, Jinja)', () => {
    for (const file of PIPELINES) {
      const pipeline = loadPipeline(file);
      for (const task of pipeline.tasks) {
        const fields = inspected.dags[pipeline.id]!.tasks[task.id]!.fields ?? {};
        const config = task.config as Record<string, unknown>;
        if (task.operator === 'bash') {
          expect(fields.bash_command, `${pipeline.id}.${task.id}`).toBe(config.command);
          expect(fields.env ?? undefined).toEqual(config.env);
        }
        if (task.operator === 'python') {
          expect(fields.code ?? undefined, `${pipeline.id}.${task.id}`).toBe(config.code);
          expect(fields.script ?? undefined).toBe(config.script);
          expect(fields.args).toEqual(config.args ?? []);
        }
      }
    }
  });

  it('runs the bash/python/empty pipeline to the same task states and XCom values as dagstudio run', () => {
    const pipeline = loadPipeline(RUNNABLE);
    const local = JSON.parse(run('node', [CLI, 'run', RUNNABLE, '--json', '--data-dir', join(home, 'local-data')]).stdout) as {
      tasks: Record<string, { state: string; return_value?: unknown }>;
    };
    const airflow = JSON.parse(mustRun(python, [join(FIXTURES, 'run_dag.py'), join(dags, dagFileName(RUNNABLE)), pipeline.id], env, 900_000)) as {
      tasks: Record<string, { state: string; return_value: unknown }>;
    };
    const summary = (tasks: Record<string, { state: string; return_value?: unknown }>) =>
      Object.fromEntries(Object.entries(tasks).map(([id, t]) => [id, { state: t.state, return_value: t.return_value ?? null }]));
    expect(Object.keys(local.tasks).sort()).toEqual(pipeline.tasks.map((t) => t.id).sort());
    expect(summary(airflow.tasks)).toEqual(summary(local.tasks));
    // The run covers every outcome, so the comparison above proves each of them.
    const states = new Set(Object.values(local.tasks).map((t) => t.state));
    expect([...states].sort()).toEqual(['failed', 'skipped', 'success', 'upstream_failed']);
  }, 1_200_000);
});
