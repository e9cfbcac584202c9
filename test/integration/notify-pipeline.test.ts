import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunner, type Runner } from '../../electron/runner/runner';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { Connection, Variable } from '../../shared/settings';
import { sendJson, startHttpServer, type TestHttpServer } from '../support/http-server';
import { allLogText } from '../support/log-files';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';

/*
 * The outside-world operators inside a real run: the runner renders their templates (variables, params, XCom,
 * failed_tasks), passes return values between them and masks secrets in every log. A model check fails on
 * purpose, so the notify task (trigger rule one_failed) reports it by desktop, webhook and email.
 */

const API_PASSWORD = 'api-Pa55word-991';
const SMTP_PASSWORD = 'smtp-Pa55word-552';
const HOOK_SECRET = 'T000-B000-hook-secret';

let api: TestHttpServer;
let hooks: TestHttpServer;
let smtp: TestSmtpServer;
let runner: Runner;
let dropDir: string;
const desktop: Array<{ title: string; body: string }> = [];

const pipeline = {
  format: 'dagstudio/pipeline',
  version: 1,
  id: 'outside_world',
  schedule: null,
  params: { expected_label: 'dog' },
  groups: [],
  tasks: [
    {
      id: 'wait_for_api',
      operator: 'http_sensor',
      config: { url: '{{ var.value.api_url }}/health', response_contains: 'ready', poke_interval_s: 0.1, timeout_s: 60 },
      position: { x: 0, y: 0 },
    },
    {
      id: 'drop_batch',
      operator: 'bash',
      config: { command: `sleep 0.5 && touch "${'{{ var.value.drop_dir }}'}/batch-{{ ds_nodash }}.ready"` },
      position: { x: 0, y: 100 },
    },
    {
      id: 'wait_for_batch',
      operator: 'file_sensor',
      config: { path: '{{ var.value.drop_dir }}/*.ready', poke_interval_s: 0.1, timeout_s: 60 },
      position: { x: 200, y: 100 },
    },
    {
      id: 'predict',
      operator: 'http_request',
      config: {
        connection: 'model_api',
        url: 'predict',
        method: 'POST',
        body: { file: "{{ ti.xcom_pull(task_ids='wait_for_batch')[0] }}", run: '{{ run_id }}' },
        expect_status: 200,
      },
      position: { x: 400, y: 0 },
    },
    {
      id: 'check_label',
      operator: 'bash',
      config: { command: `test "{{ ti.xcom_pull(task_ids='predict')['label'] }}" = "{{ params.expected_label }}"` },
      position: { x: 600, y: 0 },
    },
    {
      id: 'notify_on_error',
      operator: 'notify',
      config: {
        title: '{{ dag.dag_id }} failed',
        message: "Failed: {{ failed_tasks | join(', ') }}. The model said {{ ti.xcom_pull(task_ids='predict')['label'] }}.",
        channels: {
          desktop: true,
          webhook_url: '{{ var.value.alert_hook }}',
          email: { connection: 'mail', to: ['oncall@example.com'], subject: '[{{ dag.dag_id }}] {{ failed_tasks | length }} failed task(s)' },
        },
      },
      trigger_rule: 'one_failed',
      position: { x: 800, y: 0 },
    },
  ],
  edges: [
    { from: 'wait_for_api', to: 'predict' },
    { from: 'wait_for_batch', to: 'predict' },
    { from: 'predict', to: 'check_label' },
    { from: 'check_label', to: 'notify_on_error' },
  ],
} as unknown as Pipeline;

beforeAll(async () => {
  api = await startHttpServer((req, res) => {
    if (req.path === '/health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(api.requests.length < 2 ? 'starting' : 'ready');
    } else sendJson(res, 200, { label: 'cat', prob: 0.91 });
  });
  hooks = await startHttpServer((_req, res) => {
    res.writeHead(200);
    res.end('ok');
  });
  smtp = await startSmtpServer({ user: 'alerts', password: SMTP_PASSWORD });
  dropDir = mkdtempSync(join(tmpdir(), 'dagstudio-drop-'));
  const variables: Variable[] = [
    { name: 'api_url', value: api.url, secret: false },
    { name: 'drop_dir', value: dropDir, secret: false },
    { name: 'alert_hook', value: `${hooks.url}/services/${HOOK_SECRET}`, secret: true },
  ];
  const connections: Connection[] = [
    { type: 'http', name: 'model_api', base_url: `${api.url}/v1`, login: 'svc', password: API_PASSWORD },
    { type: 'smtp', name: 'mail', host: '127.0.0.1', port: smtp.port, secure: false, user: 'alerts', password: SMTP_PASSWORD, from: 'dagstudio@example.com' },
  ];
  runner = createRunner({
    dataDir: mkdtempSync(join(tmpdir(), 'dagstudio-outside-data-')),
    settings: { variables: () => variables, connections: () => connections },
    parallelism: 4,
    notify: (title, body) => desktop.push({ title, body }),
  });
});

afterAll(async () => {
  await runner?.close();
  await Promise.all([api?.close(), hooks?.close(), smtp?.close()]);
});

describe('HTTP, sensor and notify operators in a run', () => {
  it('waits, calls the API, and on a failed check notifies every channel naming the failed task', async () => {
    const { done } = await runner.start(pipeline);
    const record = await done;

    expect(record.state).toBe('failed');
    const states = Object.fromEntries(Object.entries(record.tasks).map(([id, t]) => [id, t.state]));
    expect(states).toEqual({
      wait_for_api: 'success',
      drop_batch: 'success',
      wait_for_batch: 'success',
      predict: 'success',
      check_label: 'failed',
      notify_on_error: 'success',
    });
    const batch = (record.tasks.wait_for_batch!.return_value as string[])[0]!;
    expect(batch).toMatch(new RegExp(`^${dropDir}/batch-\\d{8}\\.ready$`));
    expect(record.tasks.predict!.return_value).toEqual({ label: 'cat', prob: 0.91 });

    const predict = api.requests.find((r) => r.method === 'POST')!;
    expect(predict.path).toBe('/v1/predict');
    expect(predict.headers.authorization).toBe(`Basic ${Buffer.from(`svc:${API_PASSWORD}`).toString('base64')}`);
    expect(JSON.parse(predict.body)).toEqual({ file: batch, run: record.run_id });

    const message = 'Failed: check_label. The model said cat.';
    expect(desktop).toEqual([{ title: 'outside_world failed', body: message }]);
    expect(hooks.requests.map((r) => [r.method, r.path, JSON.parse(r.body)])).toEqual([['POST', `/services/${HOOK_SECRET}`, { text: message }]]);
    expect(smtp.messages.map((m) => [m.to, m.subject, m.text])).toEqual([[['oncall@example.com'], '[outside_world] 1 failed task(s)', message]]);

    const logs = allLogText(runner.dataDir);
    expect(logs).toContain('poke 1: 200 OK without "ready" in the body');
    expect(logs).toContain(`POST ${api.url}/v1/predict via connection "model_api", basic auth`);
    expect(logs).toContain('notifying desktop, webhook, email: outside_world failed');
    for (const secret of [API_PASSWORD, SMTP_PASSWORD, HOOK_SECRET]) expect(logs).not.toContain(secret);
  });
});
