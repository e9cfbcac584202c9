import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HostEvent } from '../../shared/api';
import type { Server } from '../../electron/serve';
import { connectClient, type TestClient } from '../e2e/support/host-client';
import { startTestHost, type TestHost } from '../support/host-server';

/** The browser client survives a dropped connection: it reconnects, renews its subscriptions, and calls go on. */

let host: TestHost;
let server: Server;
let client: TestClient;

beforeAll(async () => {
  host = await startTestHost('host-reconnect');
  ({ server, client } = host);
});

afterAll(async () => {
  await host?.close();
});

it('reconnects after the connection drops and keeps receiving the runs it subscribed to', async () => {
  await client.api.runs.subscribe({ all: true });
  const statuses: string[] = [];
  const closed = new Promise<void>((resolve) => client.onStatus((s) => (statuses.push(s), s === 'closed' && resolve())));
  server.disconnectClients();
  await closed;
  // A call made while the socket is down waits for the new connection instead of failing.
  const info = await client.api.app.info();
  expect(info.kind).toBe('browser');
  expect(statuses).toEqual(['closed', 'connecting', 'open']);

  const other = await connectClient(`http://127.0.0.1:${server.port}`, server.token);
  try {
    const started = await other.api.runs.start({
      pipeline: { format: 'dagstudio/pipeline', version: 1, id: 'after_reconnect', tasks: [{ id: 't', operator: 'bash', config: { command: 'echo again' }, position: { x: 0, y: 0 } }] },
    });
    if (!('run_id' in started)) throw new Error('not started');
    const done = await client.waitForEvent((e: HostEvent) => e.type === 'run-state' && e.run_id === started.run_id && e.state === 'success');
    expect(done).toMatchObject({ dag_id: 'after_reconnect' });
  } finally {
    other.close();
  }
});

it('rejects calls that were in flight when the connection dropped, with a clear message', async () => {
  const pending = client.api.runs.list({});
  server.disconnectClients();
  await pending.then(
    (reply) => expect(reply.runs).toBeDefined(),
    (error: Error) => expect(error.message).toMatch(/connection to dagstudio was lost/),
  );
  expect((await client.api.app.info()).kind).toBe('browser');
});
