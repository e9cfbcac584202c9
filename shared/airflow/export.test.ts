import { describe, expect, it } from 'vitest';
import { AIRFLOW_MAPPINGS, exportPipelineToAirflow } from '../../operators/airflow';
import { operatorIds } from '../../operators/index';
import { pipelineSchema, type PipelineInput } from '../pipeline/schema';
import { extractPipeline } from './embed';
import { formatExportIssue } from './mapping';

const at = { x: 0, y: 0 };

function exportOf(input: Omit<PipelineInput, 'format' | 'version'>) {
  const doc = { format: 'dagstudio/pipeline', version: 1, ...input };
  const source = JSON.stringify(doc, null, 2) + '\n';
  const result = exportPipelineToAirflow(pipelineSchema.parse(doc), source);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { ...result, source };
}

describe('the Airflow exporter', () => {
  it('has a mapping for every operator', () => {
    expect(Object.keys(AIRFLOW_MAPPINGS).sort()).toEqual([...operatorIds()].sort());
  });

  it('imports only what the file uses', () => {
    const onlyEmpty = exportOf({ id: 'e', tasks: [{ id: 'a', operator: 'empty', config: {}, position: at }] });
    expect(onlyEmpty.code).toContain('EmptyOperator');
    expect(onlyEmpty.code).not.toMatch(/BashOperator|BaseOperator|TaskGroup|timedelta|import subprocess/);
    expect(onlyEmpty.issues).toEqual([]);

    const bash = exportOf({ id: 'b', tasks: [{ id: 'a', operator: 'bash', config: { command: 'echo hi' }, timeout_s: 5, position: at }] });
    expect(bash.code).toMatch(/try: {2}# Airflow 3\.x\n {4}from airflow\.providers\.standard\.operators\.bash import BashOperator/);
    expect(bash.code).toMatch(/except ImportError: {2}# Airflow 2\.9 and 2\.10\n(?: {4}from .*\n)* {4}from airflow\.operators\.bash import BashOperator/);
    expect(bash.code).toContain('execution_timeout=timedelta(seconds=5)');
    expect(bash.code).not.toContain('EmptyOperator');
  });

  it('keeps a literal secret out of the file and out of the embedded pipeline, and says where it went', () => {
    const secret = 'https://hooks.example.com/services/T000/B000/s3cr3tT0ken';
    const out = exportOf({
      id: 's',
      tasks: [{ id: 'tell', operator: 'notify', config: { message: 'done', channels: { webhook_url: secret, desktop: true } }, position: at }],
    });
    expect(out.code).not.toContain('s3cr3tT0ken');
    const embedded = extractPipeline(out.code);
    expect(embedded.ok && embedded.source).not.toContain('s3cr3tT0ken');
    expect(embedded.ok && JSON.parse(embedded.source).tasks[0].config.channels).toEqual({ desktop: true });
    expect(out.code).toContain("webhook_url='{{ var.value.tell_webhook_url }}'");
    expect(out.issues.map((i) => `${i.task_id} ${i.field}`).sort()).toEqual([
      'tell config.channels.desktop',
      'tell config.channels.webhook_url',
      'tell config.channels.webhook_url',
    ]);
  });

  it('embeds the pipeline text unchanged when it holds no secret', () => {
    const out = exportOf({ id: 'plain', tasks: [{ id: 'a', operator: 'bash', config: { command: 'echo {{ var.value.token }}' }, position: at }] });
    expect(extractPipeline(out.code)).toEqual({ ok: true, source: out.source });
    expect(out.code).toMatch(/# Airflow variables it reads:\n# {3}token\n/);
  });

  it('renames a group that shares an id with a task, and reports it', () => {
    const out = exportOf({
      id: 'g',
      groups: [{ id: 'train' }],
      tasks: [{ id: 'train', operator: 'empty', config: {}, group: 'train', position: at }],
    });
    expect(out.code).toContain("with TaskGroup(group_id='train_group', prefix_group_id=False):");
    expect(out.issues).toEqual([{ task_id: null, field: 'groups.train', message: expect.stringMatching(/renamed to "train_group"/) }]);
  });

  it('reports a return value that differs in Airflow only when another task pulls it', () => {
    const sensor = { id: 'wait', operator: 'file_sensor', config: { path: 'data/ready' }, position: at };
    expect(exportOf({ id: 'a', tasks: [sensor] }).issues).toEqual([]);
    const pulled = exportOf({
      id: 'b',
      tasks: [sensor, { id: 'use', operator: 'bash', config: { command: `echo "{{ ti.xcom_pull(task_ids='wait') }}"` }, position: at }],
      edges: [{ from: 'wait', to: 'use' }],
    });
    expect(pulled.issues).toEqual([{ task_id: 'wait', field: 'return_value', message: expect.stringMatching(/FileSensor returns nothing/) }]);
    expect(formatExportIssue('p.dag.json', pulled.issues[0]!)).toMatch(/^p\.dag\.json: tasks\.wait\.return_value: another task pulls its XCom/);
  });

  it('maps connections to conn_ids and lists them in the header, with no connection secrets', () => {
    const out = exportOf({
      id: 'aws',
      tasks: [{ id: 'up', operator: 's3_upload', config: { connection: 'prod_aws', bucket: 'my-bucket', path: 'out', prefix: 'runs/{{ ds }}/' }, position: at }],
    });
    expect(out.code).toContain("aws_conn_id='prod_aws'");
    expect(out.code).toMatch(/# Airflow connections it uses.*\n# {3}prod_aws: aws\n/);
  });

  it('refuses a task whose config does not fit its operator, naming the field', () => {
    const doc = { format: 'dagstudio/pipeline', version: 1, id: 'bad', tasks: [{ id: 'a', operator: 'bash', config: {}, position: at }] };
    const result = exportPipelineToAirflow(pipelineSchema.parse(doc), JSON.stringify(doc));
    expect(result).toEqual({ ok: false, problems: [{ path: 'tasks[0].config.command', message: expect.any(String) }] });
  });
});

describe('the operators written into the DAG file', () => {
  it('template in Airflow every config field dagstudio templates', async () => {
    const { templatedFields } = await import('../operator');
    const { getOperator } = await import('../../operators/index');
    const { PYTHON_HELPER } = await import('./helpers');
    const declared = /template_fields = \(([^)]*)\)/.exec(PYTHON_HELPER.code)?.[1] ?? '';
    const airflowFields = [...declared.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(airflowFields.sort()).toEqual(templatedFields(getOperator('python')!).sort());
  });
});

describe('the run state report', () => {
  it('names the tasks whose failure Airflow would not count against the run, and only those', () => {
    const task = (id: string, trigger_rule?: 'all_done' | 'one_failed') => ({ id, operator: 'empty', config: {}, position: at, ...(trigger_rule ? { trigger_rule } : {}) });
    const chain = exportOf({ id: 'c', tasks: [task('a'), task('b')], edges: [{ from: 'a', to: 'b' }] });
    expect(chain.issues).toEqual([]);
    const cleanup = exportOf({
      id: 'n',
      tasks: [task('a'), task('b'), task('cleanup', 'all_done'), task('alert', 'one_failed')],
      edges: [{ from: 'a', to: 'b' }, { from: 'b', to: 'cleanup' }, { from: 'a', to: 'alert' }, { from: 'b', to: 'alert' }],
    });
    expect(cleanup.issues).toEqual([{ task_id: null, field: 'run_state', message: expect.stringMatching(/when any of a, b fails, no leaf fails with it/) }]);
  });
});
