import { afterEach, describe, expect, it } from 'vitest';
import { executeHttpSensor } from '../../operators/http_sensor/execute';
import { closedPort, sendJson, startHttpServer, type TestHttpServer } from '../support/http-server';
import { logReaches, makeTaskContext } from '../support/task-context';

const servers: TestHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(...args: Parameters<typeof startHttpServer>) {
  const started = await startHttpServer(...args);
  servers.push(started);
  return started;
}

/** Settles with 'still running' if the promise has not settled after a generous grace period. */
function settledSoon(promise: Promise<unknown>): Promise<unknown> {
  return Promise.race([promise.then(() => 'resolved', (e: Error) => e), new Promise((r) => setTimeout(() => r('still running'), 20_000))]);
}

describe('http_sensor against a real HTTP server', () => {
  it('pokes until the service answers ready, then returns its body', async () => {
    const api = await server((req, res) => {
      if (api.requests.length < 3) sendJson(res, 503, { status: 'loading' });
      else sendJson(res, 200, { status: 'ready', model: 'v2' });
    });
    const context = makeTaskContext({ config: { url: `${api.url}/health`, poke_interval_s: 0.1, timeout_s: 60 } });
    const outcome = await executeHttpSensor(context);

    expect(outcome).toEqual({ state: 'success', returnValue: { status: 'ready', model: 'v2' } });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /health', 'GET /health', 'GET /health']);
    const lines = context.logText().trimEnd().split('\n');
    expect(lines).toEqual([
      `waiting for GET ${api.url}/health to answer 2xx (every 0.1 s, up to 60 s)`,
      'poke 1: 503 Service Unavailable; next check in 0.1 s',
      'poke 2: 503 Service Unavailable; next check in 0.1 s',
      'poke 3: ready',
    ]);
  });

  it('waits for a body containing the expected text', async () => {
    const api = await server((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(api.requests.length < 2 ? 'warming up' : 'all systems READY');
    });
    const context = makeTaskContext({ config: { url: `${api.url}/status`, response_contains: 'READY', poke_interval_s: 0.1, timeout_s: 60 } });
    expect(await executeHttpSensor(context)).toEqual({ state: 'success', returnValue: 'all systems READY' });
    expect(context.logText()).toContain('poke 1: 200 OK without "READY" in the body');
  });

  it('keeps waiting while nothing listens yet, through a connection with auth', async () => {
    const port = await closedPort();
    const context = makeTaskContext({
      config: { connection: 'svc', url: 'health', poke_interval_s: 0.2, timeout_s: 60 },
      connections: [{ type: 'http', name: 'svc', base_url: `http://127.0.0.1:${port}`, token: 'sensor-token-xyz' }],
    });
    const run = executeHttpSensor(context);
    await logReaches(context, 'poke 1: cannot reach');
    const api = await server(undefined, { port });
    const outcome = await run;

    expect(outcome).toEqual({ state: 'success', returnValue: { ok: true } });
    expect(context.logText()).toContain(`poke 1: cannot reach http://127.0.0.1:${port}: connection refused; next check in 0.2 s`);
    expect(api.requests.at(-1)?.headers.authorization).toBe('Bearer sensor-token-xyz');
    expect(context.logText()).not.toContain('sensor-token-xyz');
  });

  it('fails after timeout_s with one line saying what it last saw', async () => {
    const api = await server((_req, res) => sendJson(res, 503, {}));
    const context = makeTaskContext({ config: { url: `${api.url}/health`, expect_status: 204, poke_interval_s: 0.2, timeout_s: 0.5 } });
    const error = await executeHttpSensor(context).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(new RegExp(`^${api.url.replace(/\./g, '\\.')}/health still not ready after 0\\.5 s \\(\\d+ checks; last: 503 Service Unavailable\\)$`));
    expect(context.logText()).not.toMatch(/\n\s+at /);
  });

  it('stops poking the moment the task is cancelled', async () => {
    const api = await server((_req, res) => sendJson(res, 503, {}));
    const context = makeTaskContext({ config: { url: `${api.url}/health`, poke_interval_s: 600, timeout_s: 3600 } });
    const run = executeHttpSensor(context);
    await logReaches(context, 'poke 1:');
    context.controller.abort();
    const result = await settledSoon(run);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toBe('cancelled');
    expect(api.requests).toHaveLength(1);
  });

  it('abandons a check in flight when cancelled', async () => {
    const api = await server(() => context.controller.abort());
    const context = makeTaskContext({ config: { url: `${api.url}/hang`, poke_interval_s: 1, timeout_s: 3600, request_timeout_s: 600 } });
    const result = await settledSoon(executeHttpSensor(context));
    expect((result as Error).message).toBe('cancelled');
  });
});
