import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeHttpRequest } from '../../operators/http_request/execute';
import type { HttpConnection } from '../../shared/settings';
import { closedPort, sendJson, startHttpServer, type TestHttpServer } from '../support/http-server';
import { makeTaskContext } from '../support/task-context';

let server: TestHttpServer;
beforeEach(async () => {
  server = await startHttpServer();
});
afterEach(async () => {
  await server.close();
});

function apiConnection(extra: Partial<HttpConnection> = {}): HttpConnection {
  return { type: 'http', name: 'api', base_url: `${server.url}/api/`, headers: { 'X-Team': 'ml' }, login: 'svc', password: 'pa55-w0rd!', ...extra };
}

/* A failure must reach the log as one line: no newline in the message, no stack frames anywhere. */
function expectOneLine(message: string, log: string) {
  expect(message).not.toMatch(/\n/);
  expect(log).not.toMatch(/\n\s+at /);
}

describe('http_request against a real HTTP server', () => {
  it('sends a GET through a connection with its base URL, headers and basic auth, and returns the parsed JSON', async () => {
    server.handle((_req, res) => sendJson(res, 200, { label: 'cat', prob: 0.93 }));
    const context = makeTaskContext({ config: { connection: 'api', url: '/predict?model=v2' }, connections: [apiConnection()] });
    const outcome = await executeHttpRequest(context);

    expect(outcome).toEqual({ state: 'success', returnValue: { label: 'cat', prob: 0.93 } });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/api/predict?model=v2');
    expect(request?.headers['x-team']).toBe('ml');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from('svc:pa55-w0rd!').toString('base64')}`);
    expect(request?.body).toBe('');
    expect(context.logText()).toBe(`GET ${server.url}/api/predict via connection "api", basic auth\n200 OK, application/json, ${JSON.stringify({ label: 'cat', prob: 0.93 }).length} B\n`);
    expect(context.logText()).not.toContain('pa55-w0rd!');
  });

  it('POSTs a JSON body with the task’s headers, and a bearer token from the connection', async () => {
    server.handle((_req, res) => sendJson(res, 201, { id: 7 }));
    const context = makeTaskContext({
      config: { connection: 'api', url: 'jobs', method: 'POST', headers: { 'X-Request-Id': 'r-1' }, body: { epochs: 3, tags: ['a'] }, expect_status: 201 },
      connections: [apiConnection({ token: 'tok-SECRET-123' })],
    });
    const outcome = await executeHttpRequest(context);

    expect(outcome.returnValue).toEqual({ id: 7 });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-request-id']).toBe('r-1');
    expect(request?.headers.authorization).toBe('Bearer tok-SECRET-123');
    expect(JSON.parse(request?.body ?? '')).toEqual({ epochs: 3, tags: ['a'] });
    expect(context.logText()).not.toContain('tok-SECRET-123');
  });

  it('sends a text body as is and returns a text response as text', async () => {
    server.handle((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(`got ${req.body.length} chars`);
    });
    const context = makeTaskContext({ config: { url: `${server.url}/echo`, method: 'PUT', body: 'hello, world' } });
    const outcome = await executeHttpRequest(context);
    expect(outcome.returnValue).toBe('got 12 chars');
    expect(server.requests[0]?.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(server.requests[0]?.body).toBe('hello, world');
  });

  it('fails on an unexpected status with the status and the start of the body, in one line', async () => {
    const body = `{"error": "model not loaded",\n "detail": "${'x'.repeat(300)}"}`;
    server.handle((_req, res) => {
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    const context = makeTaskContext({ config: { url: `${server.url}/predict`, method: 'POST', body: 'img' } });
    const error = await executeHttpRequest(context).then(
      () => null,
      (e: Error) => e,
    );
    const preview = body.replace(/\s+/g, ' ').slice(0, 200);
    expect(error?.message).toBe(`POST ${server.url}/predict returned 503 Service Unavailable (expected 2xx): ${preview}…`);
    expectOneLine(error?.message ?? '', context.logText());
  });

  it('accepts the statuses listed as expected, even an error status', async () => {
    server.handle((_req, res) => sendJson(res, 404, { found: false }));
    const context = makeTaskContext({ config: { url: `${server.url}/models/x`, expect_status: [200, 404] } });
    expect(await executeHttpRequest(context)).toEqual({ state: 'success', returnValue: { found: false } });
  });

  it('says in one line that an endpoint cannot be reached', async () => {
    const port = await closedPort();
    const context = makeTaskContext({ config: { url: `http://127.0.0.1:${port}/health` } });
    await expect(executeHttpRequest(context)).rejects.toThrow(new RegExp(`^cannot reach http://127\\.0\\.0\\.1:${port}: connection refused$`));
    expectOneLine('', context.logText());
  });

  it('says in one line that the server dropped the connection', async () => {
    server.handle((_req, res) => {
      res.socket?.destroy();
    });
    const context = makeTaskContext({ config: { url: `${server.url}/crash` } });
    await expect(executeHttpRequest(context)).rejects.toThrow(new Error(`cannot reach ${server.url}: connection closed by the server`));
  });

  it('gives up after the request timeout', async () => {
    server.handle(() => undefined);
    const context = makeTaskContext({ config: { url: `${server.url}/slow`, timeout_s: 0.5 } });
    await expect(executeHttpRequest(context)).rejects.toThrow(`no response from ${server.url}/slow within 0.5 s`);
  });

  it('refuses bad config with one line naming the fields', async () => {
    const context = makeTaskContext({ config: { url: 'localhost/x', method: 'FETCH' } });
    await expect(executeHttpRequest(context)).rejects.toThrow(/^invalid http_request config: method: .+$/);
    const noScheme = makeTaskContext({ config: { url: 'localhost/x' } });
    await expect(executeHttpRequest(noScheme)).rejects.toThrow(
      'invalid http_request config: url: must start with http:// or https:// (or pick a connection and give a path under its base URL)',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('names a missing or mistyped connection', async () => {
    const missing = makeTaskContext({ config: { connection: 'nope', url: '/x' } });
    await expect(executeHttpRequest(missing)).rejects.toThrow('connection "nope" does not exist');
    const smtp = makeTaskContext({
      config: { connection: 'mail', url: '/x' },
      connections: [{ type: 'smtp', name: 'mail', host: '127.0.0.1', port: 25, secure: false }],
    });
    await expect(executeHttpRequest(smtp)).rejects.toThrow('connection "mail" is an smtp connection; this field needs an http connection');
  });

  it('stops a request in flight the moment the task is cancelled', async () => {
    let closed: () => void = () => undefined;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    server.handle((_req, res) => {
      res.on('close', () => closed());
      context.controller.abort();
    });
    const context = makeTaskContext({ config: { url: `${server.url}/hang`, timeout_s: 600 } });
    await expect(executeHttpRequest(context)).rejects.toThrow('cancelled');
    await connectionClosed;
  });
});
