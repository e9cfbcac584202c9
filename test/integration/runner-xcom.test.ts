import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../electron/runner/index';
import { bash, pipeline, python, testRunner, type TestRunner } from './runner-fixtures';

describe('return values, templates, params, variables and masking', () => {
  let t: TestRunner;
  beforeAll(() => {
    t = testRunner();
    const settings = new SettingsStore({ dir: t.dataDir });
    settings.setVariable({ name: 'bucket', value: 'stored-bucket' });
    settings.setVariable({ name: 'config', value: '{"epochs": 3, "lr": 0.1}' });
    settings.setVariable({ name: 'api_token', value: 's3cr3t-T0KEN-value', secret: true });
    settings.setConnection({ type: 'smtp', name: 'mail', host: '127.0.0.1', password: 'hunter2-mail-pass' });
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it('passes return values through the return file and the last line, into templates', async () => {
    const p = pipeline(
      'xcom',
      [
        python('extract', 'import json, os\nprint("working")\njson.dump({"rows": 42, "files": ["a", "b"]}, open(os.environ["DAGSTUDIO_RETURN_FILE"], "w"))'),
        bash('count', 'echo counting\necho "{{ ti.xcom_pull(task_ids=\'extract\').rows * 2 }}"\necho'),
        bash('text_file', 'printf "not json" > "$DAGSTUDIO_RETURN_FILE"'),
        bash('report', "echo rows={{ ti.xcom_pull(task_ids='extract', key='rows') }} count={{ ti.xcom_pull(task_ids='count') }} files={{ ti.xcom_pull('extract').files | join('+') }} text={{ ti.xcom_pull(task_ids='text_file') }}"),
      ],
      [['extract', 'count'], ['count', 'report'], ['extract', 'report'], ['text_file', 'report']],
    );
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    expect(record.state).toBe('success');
    expect(record.tasks.extract?.return_value).toEqual({ rows: 42, files: ['a', 'b'] });
    // Airflow's BashOperator pushes its last non-empty line as a string.
    expect(record.tasks.count?.return_value).toBe('84');
    expect(record.tasks.text_file?.return_value).toBe('not json');
    expect(record.tasks.report?.return_value).toBe('rows=42 count=84 files=a+b text=not json');
    expect(record.tasks.report?.rendered?.command).toBe('echo rows=42 count=84 files=a+b text=not json');
    const event = t.events.find((e) => e.type === 'task-state' && e.run_id === runId && e.task_id === 'extract' && e.state === 'success');
    expect(event).toMatchObject({ return_value: { rows: 42, files: ['a', 'b'] } });
  });

  it('renders params from the file, overridden per run, and variables, overridden per run', async () => {
    const p = pipeline(
      'params',
      [bash('show', 'echo "n={{ params.n }} name={{ params.name }} tags={{ params.tags | join(\',\') }} bucket={{ var.value.bucket }} epochs={{ var.json.config.epochs }} dag={{ dag.dag_id }} task={{ task.task_id }} ds={{ ds }}"')],
      [],
      { params: { n: 1, name: 'default', tags: ['x'] } },
    );
    const first = await (await t.runner.start(p)).done;
    expect(first.tasks.show?.return_value).toBe(`n=1 name=default tags=x bucket=stored-bucket epochs=3 dag=params task=show ds=${first.logical_date.slice(0, 10)}`);
    const second = await (await t.runner.start(p, { params: { n: 5, tags: ['a', 'b'] }, vars: { bucket: 'override', config: '{"epochs": 9}' } })).done;
    expect(second.params).toEqual({ n: 5, name: 'default', tags: ['a', 'b'] });
    expect(second.tasks.show?.return_value).toBe(`n=5 name=default tags=a,b bucket=override epochs=9 dag=params task=show ds=${second.logical_date.slice(0, 10)}`);
  });

  it('fails a task whose template is wrong with a log line naming the field', async () => {
    const p = pipeline('bad_template', [bash('fetch', 'echo {{ params.missing }}'), bash('env_bad', 'echo hi', { config: { command: 'echo hi', env: { X: '{{ var.value.nope }}' } } })], []);
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    expect(record.tasks.fetch?.state).toBe('failed');
    expect(record.tasks.fetch?.error).toMatch(/^tasks\.fetch\.config\.command: template error: .*undefined value in \{\{ params\.missing \}\}/);
    const log = (await t.runner.readLog(runId, 'fetch', 1)).text;
    expect(log).toContain('tasks.fetch.config.command: template error:');
    expect(record.tasks.env_bad?.error).toBe('tasks.env_bad.config.env.X: template error: variable "nope" does not exist');
  });

  it('masks secrets in logs, events, rendered commands and return values, even split across two chunks', async () => {
    const command = [
      'echo "token={{ var.value.api_token }}"',
      'echo "password=$MAIL_PASS"',
      // The secret reaches the terminal in two writes, a moment apart: two output chunks.
      "printf 's3cr3t-'; sleep 0.3; printf 'T0KEN-value and more\\n'",
      'echo "last {{ var.value.api_token }}"',
    ].join('\n');
    const p = pipeline('secrets', [bash('leak', command, { config: { command, env: { MAIL_PASS: 'hunter2-mail-pass' } } })], []);
    const { runId, done } = await t.runner.start(p);
    const record = await done;
    expect(record.state).toBe('success');
    const log = readFileSync(join(t.dataDir, record.tasks.leak!.tries[0]!.log), 'utf8');
    expect(log).toBe('token=***\npassword=***\n*** and more\nlast ***\n');
    const streamed = t.events.filter((e) => e.type === 'log' && e.run_id === runId).map((e) => (e as { text: string }).text).join('');
    expect(streamed).toBe(log);
    expect(JSON.stringify(record)).not.toContain('s3cr3t-T0KEN-value');
    expect(JSON.stringify(record)).not.toContain('hunter2-mail-pass');
    expect(record.tasks.leak?.rendered?.command).toContain('echo "token=***"');
    expect(record.tasks.leak?.return_value).toBe('last ***');
    const onDisk = readFileSync(join(t.dataDir, 'runs', `${runId}.json`), 'utf8');
    expect(onDisk).not.toContain('s3cr3t-T0KEN-value');
  });

  it('runs only chosen tasks, taking upstream return values from an earlier run', async () => {
    const p = pipeline('partial', [bash('prepare', 'echo prepared-{{ params.v }}'), bash('train', 'echo trained-on-{{ ti.xcom_pull(task_ids="prepare") }}'), bash('deploy', 'echo deployed')], [['prepare', 'train'], ['train', 'deploy']], {
      params: { v: 1 },
    });
    const first = await t.runner.start(p);
    await first.done;
    const second = await (await t.runner.start(p, { params: { v: 2 }, onlyTasks: ['train', 'deploy'], reuseReturnValuesFrom: first.runId })).done;
    expect(second.tasks.prepare?.state).toBe('none');
    expect(second.tasks.prepare?.try_number).toBe(0);
    expect(second.tasks.train?.return_value).toBe('trained-on-prepared-1');
    expect(second.tasks.deploy?.state).toBe('success');
    expect(second.state).toBe('success');
  });

  it('runs python scripts relative to the pipeline folder with args, and bash in the configured cwd', async () => {
    const folder = join(t.dataDir, 'project');
    mkdirSync(join(folder, 'scripts'), { recursive: true });
    mkdirSync(join(folder, 'work'), { recursive: true });
    writeFileSync(join(folder, 'scripts', 'hello.py'), 'import os, sys\nprint("args", sys.argv[1:], os.path.basename(os.getcwd()))\n');
    const file = join(folder, 'p.dag.json');
    const p = pipeline(
      'scripts',
      [
        { id: 'script', operator: 'python', config: { script: 'scripts/hello.py', args: ['{{ params.n }}', 'b'], cwd: 'work' }, position: { x: 0, y: 0 } },
        bash('where', 'basename "$PWD"'),
        python('stdin_free', 'import sys\nprint(sys.stdin.isatty())'),
      ],
      [],
      { params: { n: 7 } },
    );
    const record = await (await t.runner.start(p, { pipelinePath: file })).done;
    expect(record.tasks.script?.return_value).toBe("args ['7', 'b'] work");
    expect(record.tasks.where?.return_value).toBe('project');
    // A real terminal: tasks see a tty.
    expect(record.tasks.stdin_free?.return_value).toBe('True');
  });
});
