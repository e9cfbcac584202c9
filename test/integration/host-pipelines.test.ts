import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { TestClient } from '../e2e/support/host-client';
import { REPO_ROOT } from '../e2e/support/serve-process';
import { startTestHost, type TestHost } from '../support/host-server';

/** pipelines.*, examples.*, app.* and dialogs.* over a real WebSocket to a real host. */

let scratch: string;
let home: string;
let host: TestHost;
let client: TestClient;

const pipeline: Pipeline = {
  format: 'dagstudio/pipeline',
  version: 1,
  id: 'hello',
  title: 'Hello',
  schedule: null,
  params: { who: 'world' },
  groups: [],
  tasks: [
    { id: 'greet', operator: 'bash', config: { command: 'echo hello {{ params.who }}' }, position: { x: 0, y: 0 } },
    { id: 'done', operator: 'empty', config: {}, position: { x: 200, y: 0 } },
  ],
  edges: [{ from: 'greet', to: 'done' }],
};

beforeAll(async () => {
  host = await startTestHost('host-pipelines', { examplesDir: join(REPO_ROOT, 'examples'), version: '0.0.0-test' });
  ({ scratch, home, client } = host);
});

afterAll(async () => {
  await host?.close();
});

describe('the host over a WebSocket: files', () => {
  it('describes itself as the browser host, without dialogs', async () => {
    const info = await client.api.app.info();
    expect(info).toMatchObject({ kind: 'browser', dialogs: false, version: '0.0.0-test', home, data_dir: join(scratch, 'data') });
    expect(info.allowed_dirs).toEqual(expect.arrayContaining([home, join(scratch, 'data'), realpathSync(join(REPO_ROOT, 'examples'))]));
    await expect(client.api.dialogs.openFile()).rejects.toMatchObject({ code: 'unsupported', message: expect.stringMatching(/type the file path/) });
    await expect(client.api.app.openRequests()).resolves.toEqual({ paths: [] });
  });

  it('makes a new empty pipeline', async () => {
    const { pipeline: fresh } = await client.api.pipelines.new({ id: 'my_dag' });
    expect(fresh).toMatchObject({ format: 'dagstudio/pipeline', version: 1, id: 'my_dag', tasks: [], edges: [] });
  });

  it('saves, reopens the identical pipeline and remembers it as recent', async () => {
    const path = join(home, 'hello.dag.json');
    const saved = await client.api.pipelines.save({ path, pipeline });
    expect(saved).toEqual({ path, bytes: Buffer.byteLength(readFileSync(path, 'utf8')) });
    const opened = await client.api.pipelines.open({ path: '~/hello.dag.json' });
    expect(opened).toEqual({ path, pipeline, problems: [], read_only: false });
    const { files } = await client.api.pipelines.recent();
    expect(files[0]).toMatchObject({ path, name: 'hello.dag.json', exists: true });
    const { text } = await client.api.pipelines.exportJson({ pipeline });
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('opens a file with problems and gives the problems with the pipeline', async () => {
    const path = join(home, 'broken.dag.json');
    writeFileSync(path, JSON.stringify({ ...pipeline, tasks: [{ ...pipeline.tasks[0], config: {} }], edges: [] }));
    const opened = await client.api.pipelines.open({ path });
    expect('problems' in opened && opened.problems).toEqual([expect.objectContaining({ path: 'tasks[0].config.command' })]);
    writeFileSync(path, '{ "format": ');
    const notJson = await client.api.pipelines.open({ path });
    expect(notJson).toMatchObject({ pipeline: null, problems: [expect.objectContaining({ message: expect.stringMatching(/line 1/) })] });
  });

  it('save as refuses to replace a file unless asked, and needs a path in the browser', async () => {
    const path = join(home, 'copy.dag.json');
    await expect(client.api.pipelines.saveAs({ pipeline, path })).resolves.toMatchObject({ path });
    await expect(client.api.pipelines.saveAs({ pipeline, path })).rejects.toMatchObject({ code: 'exists' });
    await expect(client.api.pipelines.saveAs({ pipeline, path, overwrite: true })).resolves.toMatchObject({ path });
    await expect(client.api.pipelines.saveAs({ pipeline })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('imports JSON text: a pipeline, or the problems of a broken one', async () => {
    const good = await client.api.pipelines.importJson({ text: JSON.stringify(pipeline), file_name: 'x.dag.json' });
    expect(good).toEqual({ pipeline, problems: [] });
    const bad = await client.api.pipelines.importJson({ text: '{"format":"dagstudio/pipeline","version":1,"id":"x","tasks":[{"id":"a"}]}', file_name: 'bad.dag.json' });
    expect(bad.pipeline).toBeNull();
    expect(bad.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['tasks[0].operator']));
  });

  it('validates a pipeline held in the editor', async () => {
    expect(await client.api.pipelines.validate({ pipeline })).toEqual({ problems: [] });
    const cyclic = { ...pipeline, edges: [...pipeline.edges, { from: 'done', to: 'greet' }] };
    const { problems } = await client.api.pipelines.validate({ pipeline: cyclic });
    expect(problems.some((p) => /cycle/.test(p.message))).toBe(true);
  });

  it('exports JSON and an Airflow DAG, to text and to a file', async () => {
    const json = await client.api.pipelines.exportJson({ pipeline, path: join(home, 'export.dag.json') });
    expect(json.file_name).toBe('hello.dag.json');
    expect(readFileSync(join(home, 'export.dag.json'), 'utf8')).toBe(json.text);
    const airflow = await client.api.pipelines.exportAirflow({ pipeline, path: join(home, 'hello.py') });
    if (!('text' in airflow)) throw new Error(JSON.stringify(airflow.problems));
    expect(airflow.file_name).toBe('hello.py');
    expect(airflow.text).toContain('hello');
    expect(readFileSync(join(home, 'hello.py'), 'utf8')).toBe(airflow.text);
    await expect(client.api.pipelines.exportAirflow({ pipeline, path: join(home, 'hello.json') })).rejects.toMatchObject({ code: 'forbidden-path' });
  });

  it('lists and opens the examples, which stay read-only', async () => {
    const { examples } = await client.api.examples.list();
    expect(examples.map((e) => e.name)).toEqual(expect.arrayContaining(['local-mlops', 'pet-detection']));
    const opened = await client.api.examples.open({ name: 'local-mlops' });
    expect(opened.pipeline?.id).toBeTruthy();
    expect(opened.read_only).toBe(true);
    await expect(client.api.pipelines.save({ path: opened.path, pipeline: opened.pipeline! })).rejects.toMatchObject({
      code: 'forbidden-path',
      message: expect.stringMatching(/read-only/),
    });
    await expect(client.api.examples.open({ name: '../package' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('answers a bad payload or an unknown method with an error naming what is wrong', async () => {
    const api = client.api as unknown as { pipelines: { save(r: unknown): Promise<unknown> }; nope?: unknown };
    await expect(api.pipelines.save({ path: 42, pipeline })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/path/) });
    await expect(api.pipelines.save({ path: join(home, 'x.dag.json'), pipeline: { ...pipeline, id: 'has space' } })).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringMatching(/pipeline\.id/),
    });
    expect((await client.api.app.info()).kind).toBe('browser');
  });
});
