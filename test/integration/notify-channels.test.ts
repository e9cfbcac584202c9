import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeNotify } from '../../operators/notify/execute';
import { notifyOperator } from '../../operators/notify/definition';
import type { TaskState } from '../../shared/api/runs';
import { templatedFields } from '../../shared/operator';
import type { SmtpConnection } from '../../shared/settings';
import { buildTemplateContext, renderConfig } from '../../shared/templating';
import { closedPort, sendJson, startHttpServer, type TestHttpServer } from '../support/http-server';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server';
import { makeTaskContext } from '../support/task-context';

const PASSWORD = 'smtp-Pa55-!x';
const HOOK_PATH = '/services/T000/B000/hook-secret-token';

let smtp: TestSmtpServer;
let hooks: TestHttpServer;
beforeEach(async () => {
  smtp = await startSmtpServer({ user: 'alerts', password: PASSWORD });
  hooks = await startHttpServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
  });
});
afterEach(async () => {
  await Promise.all([smtp.close(), hooks.close()]);
});

function mail(extra: Partial<SmtpConnection> = {}): SmtpConnection {
  return { type: 'smtp', name: 'mail', host: '127.0.0.1', port: smtp.port, secure: false, user: 'alerts', password: PASSWORD, from: 'dagstudio@example.com', ...extra };
}

const failedRun: Record<string, TaskState> = { fetch: 'success', train_model: 'failed', deploy: 'upstream_failed', notify_on_error: 'running' };

describe('notify through real servers', () => {
  it('sends the same message to the desktop, a Slack-style webhook and email', async () => {
    const context = makeTaskContext({
      taskId: 'notify_on_error',
      config: {
        title: 'pet_detection failed',
        message: 'Training failed: see the log of train_model.',
        channels: {
          desktop: true,
          webhook_url: `${hooks.url}${HOOK_PATH}`,
          email: { connection: 'mail', to: ['ops@example.com', 'ml-team@example.com'] },
        },
      },
      connections: [mail()],
    });
    const outcome = await executeNotify(context);
    expect(outcome.state).toBe('success');

    expect(context.notifications).toEqual([{ title: 'pet_detection failed', body: 'Training failed: see the log of train_model.' }]);

    expect(hooks.requests).toHaveLength(1);
    const hook = hooks.requests[0]!;
    expect(hook.method).toBe('POST');
    expect(hook.path).toBe(HOOK_PATH);
    expect(hook.headers['content-type']).toBe('application/json');
    expect(JSON.parse(hook.body)).toEqual({ text: 'Training failed: see the log of train_model.' });

    expect(smtp.logins).toEqual([{ user: 'alerts', accepted: true }]);
    expect(smtp.messages).toHaveLength(1);
    const email = smtp.messages[0]!;
    expect(email.from).toBe('dagstudio@example.com');
    expect(email.to).toEqual(['ops@example.com', 'ml-team@example.com']);
    expect(email.headers.to).toBe('ops@example.com, ml-team@example.com');
    expect(email.subject).toBe('pet_detection failed');
    expect(email.text).toBe('Training failed: see the log of train_model.');

    const log = context.logText();
    expect(log).toContain('notifying desktop, webhook, email: pet_detection failed\n');
    expect(log).toContain(`webhook at ${hooks.url}: 200 OK\n`);
    expect(log).toContain(`email "pet_detection failed" sent to ops@example.com, ml-team@example.com through 127.0.0.1:${smtp.port}\n`);
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain('hook-secret-token');
  });

  it('names the failed tasks through the message template (trigger rule one_failed)', async () => {
    const raw = {
      title: '{{ dag.dag_id }} failed',
      message: "Failed: {{ failed_tasks | join(', ') }} (run {{ run_id }})",
      channels: { email: { connection: 'mail', to: ['ops@example.com'], subject: '[{{ dag.dag_id }}] {{ failed_tasks | length }} failure(s)' } },
    };
    const templateContext = buildTemplateContext({
      dagId: 'pet_detection',
      taskId: 'notify_on_error',
      operator: 'notify',
      runId: 'manual__2024-05-01',
      tryNumber: 1,
      logicalDate: '2024-05-01T00:00:00Z',
      params: {},
      variables: {},
      xcom: () => ({ found: false }),
      taskStates: () => failedRun,
    });
    const rendered = renderConfig(raw, templatedFields(notifyOperator), templateContext, 'tasks.notify_on_error.config');
    if (!rendered.ok) throw new Error(rendered.problem.message);
    const context = makeTaskContext({ config: rendered.config, connections: [mail()], taskStates: failedRun });
    await executeNotify(context);

    expect(smtp.messages[0]?.subject).toBe('[pet_detection] 1 failure(s)');
    expect(smtp.messages[0]?.text).toBe('Failed: train_model (run manual__2024-05-01)');
  });

  it('sends a summary of the failed tasks when the message is empty', async () => {
    const context = makeTaskContext({
      taskId: 'notify_on_error',
      config: { title: 'pet_detection failed', channels: { desktop: true, webhook_url: `${hooks.url}/hook` } },
      taskStates: failedRun,
    });
    await executeNotify(context);
    const summary =
      'Pipeline test_dag, run manual__test: 1 task failed: train_model; 1 task not run because of a failure upstream: deploy.';
    expect(context.notifications[0]?.body).toBe(summary);
    expect(JSON.parse(hooks.requests[0]?.body ?? '')).toEqual({ text: summary });
  });

  it('still delivers the other channels when one fails, then fails naming it', async () => {
    hooks.handle((_req, res) => sendJson(res, 404, { error: 'no_service' }));
    const context = makeTaskContext({
      config: {
        message: 'hello',
        channels: { webhook_url: `${hooks.url}${HOOK_PATH}`, email: { connection: 'mail', to: ['ops@example.com'] } },
      },
      connections: [mail()],
    });
    await expect(executeNotify(context)).rejects.toThrow(
      `notify failed (1 of 2 channels delivered): webhook: webhook at ${hooks.url} answered 404 Not Found: {"error":"no_service"}`,
    );
    expect(smtp.messages).toHaveLength(1);
    expect(context.logText()).not.toContain('hook-secret-token');
  });

  it('says in one line that the SMTP login was refused, without the password', async () => {
    const context = makeTaskContext({
      config: { message: 'x', channels: { email: { connection: 'mail', to: ['ops@example.com'] } } },
      connections: [mail({ password: 'wrong-password' })],
    });
    const error = await executeNotify(context).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(new RegExp(`^notify failed: email: SMTP server 127\\.0\\.0\\.1:${smtp.port} rejected the login of user "alerts": 535 .+$`));
    expect(error?.message).not.toContain('wrong-password');
    expect(context.logText()).not.toContain('wrong-password');
    expect(smtp.messages).toHaveLength(0);
  });

  it('says in one line that the SMTP server or the webhook cannot be reached', async () => {
    const port = await closedPort();
    const context = makeTaskContext({
      config: { message: 'x', channels: { webhook_url: `http://127.0.0.1:${port}${HOOK_PATH}`, email: { connection: 'mail', to: ['a@example.com'] } } },
      connections: [mail({ port })],
    });
    await expect(executeNotify(context)).rejects.toThrow(
      `notify failed: webhook: cannot reach http://127.0.0.1:${port}: connection refused; email: cannot reach SMTP server 127.0.0.1:${port}: connection refused`,
    );
    expect(context.logText()).not.toMatch(/\n\s+at /);
  });

  it('refuses config without a channel, and a connection of the wrong type', async () => {
    await expect(executeNotify(makeTaskContext({ config: { message: 'x', channels: {} } }))).rejects.toThrow(
      'invalid notify config: channels: choose at least one channel: desktop, webhook_url or email',
    );
    const wrongType = makeTaskContext({
      config: { channels: { email: { connection: 'api', to: ['a@example.com'] } } },
      connections: [{ type: 'http', name: 'api', base_url: 'http://127.0.0.1' }],
    });
    await expect(executeNotify(wrongType)).rejects.toThrow('connection "api" is an http connection; this field needs an smtp connection');
  });

  it('drops the SMTP connection the moment the task is cancelled', async () => {
    /* An SMTP "server" that accepts the connection and never greets: the send can only end by cancel. */
    let closed: () => void = () => undefined;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const silent = createServer((socket) => {
      socket.on('close', () => closed());
      context.controller.abort();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const context = makeTaskContext({
      config: { message: 'x', channels: { email: { connection: 'mail', to: ['a@example.com'] } } },
      connections: [mail({ port: (silent.address() as AddressInfo).port })],
    });
    try {
      await expect(executeNotify(context)).rejects.toThrow('cancelled');
      await connectionClosed;
    } finally {
      silent.close();
    }
  });
});
