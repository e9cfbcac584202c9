import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_MASK, type HostEvent } from '../../shared/api';
import type { Pipeline } from '../../shared/pipeline/schema';
import type { TestClient } from '../e2e/support/host-client';
import { startTestHost, type TestHost } from '../support/host-server';

/** variables.*, connections.* and preferences.* over a real WebSocket: secrets never come back in plain text. */

const SECRET = 's3cr3t-Value-9f2c';
const AWS_SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCY';
const SMTP_PASSWORD = 'smtp-pa55word-xyz';

let scratch: string;
let dataDir: string;
let client: TestClient;
let host: TestHost;

beforeAll(async () => {
  host = await startTestHost('host-settings');
  ({ scratch, dataDir, client } = host);
});

afterAll(async () => {
  await host?.close();
});

async function runAndLog(command: string): Promise<string> {
  const pipeline: Pipeline = {
    format: 'dagstudio/pipeline',
    version: 1,
    id: 'settings_check',
    schedule: null,
    params: {},
    groups: [],
    tasks: [{ id: 'check', operator: 'bash', config: { command }, position: { x: 0, y: 0 } }],
    edges: [],
  };
  const started = await client.api.runs.start({ pipeline });
  if (!('run_id' in started)) throw new Error(JSON.stringify(started.problems));
  await client.waitForEvent((e: HostEvent) => e.type === 'run-state' && e.run_id === started.run_id && e.state !== 'running' && e.state !== 'queued');
  return (await client.api.runs.readLog({ run_id: started.run_id, task_id: 'check', try_number: 1 })).text;
}

describe('settings over a WebSocket', () => {
  it('stores variables; a secret one comes back masked, and the mask keeps the stored value', async () => {
    await client.api.variables.set({ name: 'region', value: 'eu-west-1' });
    const set = await client.api.variables.set({ name: 'api_token', value: SECRET, secret: true, description: 'for the API' });
    expect(set.variable).toEqual({ name: 'api_token', value: SECRET_MASK, secret: true, description: 'for the API' });
    const { variables } = await client.api.variables.list();
    expect(variables).toEqual(
      expect.arrayContaining([
        { name: 'region', value: 'eu-west-1', secret: false },
        { name: 'api_token', value: SECRET_MASK, secret: true, description: 'for the API' },
      ]),
    );
    // Editing the description sends the mask back: the secret itself must survive.
    await client.api.variables.set({ name: 'api_token', value: SECRET_MASK, secret: true, description: 'edited' });
    const log = await runAndLog(`[ "{{ var.value.api_token }}" = "${SECRET.slice(0, 6)}""${SECRET.slice(6)}" ] && echo SAME || echo DIFFERENT; echo "{{ var.value.api_token }}"`);
    expect(log).toContain('SAME');
    expect(log).toContain('***');
    expect(log).not.toContain(SECRET);
    await expect(client.api.variables.set({ name: 'fresh', value: SECRET_MASK, secret: true })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(client.api.variables.delete({ name: 'region' })).resolves.toEqual({ deleted: true });
    await expect(client.api.variables.delete({ name: 'region' })).resolves.toEqual({ deleted: false });
    await expect(client.api.variables.set({ name: 'bad name', value: 'x' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/name/) });
  });

  it('stores connections with their secret fields masked on the way out', async () => {
    const aws = await client.api.connections.set({
      connection: { type: 'aws', name: 'aws_default', region: 'us-east-1', access_key_id: 'AKIAEXAMPLE', secret_access_key: AWS_SECRET },
    });
    expect(aws.connection).toEqual({ type: 'aws', name: 'aws_default', region: 'us-east-1', access_key_id: 'AKIAEXAMPLE', secret_access_key: SECRET_MASK });
    await client.api.connections.set({ connection: { type: 'smtp', name: 'mail', host: '127.0.0.1', port: 2525, password: SMTP_PASSWORD } });
    await client.api.connections.set({ connection: { type: 'http', name: 'api', base_url: 'http://127.0.0.1:9', token: 'tok-123-abc' } });
    const { connections } = await client.api.connections.list();
    expect(connections).toHaveLength(3);
    expect(connections.find((c) => c.name === 'mail')).toMatchObject({ type: 'smtp', host: '127.0.0.1', port: 2525, password: SECRET_MASK });
    expect(connections.find((c) => c.name === 'api')).toMatchObject({ token: SECRET_MASK });

    // Changing the region with the mask as the secret keeps the secret; a typed one replaces it.
    await client.api.connections.set({ connection: { ...aws.connection, region: 'eu-central-1' } as never });
    const kept = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
    expect(kept).toContain(AWS_SECRET);
    await client.api.connections.set({ connection: { type: 'aws', name: 'aws_default', region: 'eu-central-1', secret_access_key: 'new-secret-value-1' } });
    expect(readFileSync(join(dataDir, 'secrets.json'), 'utf8')).toContain('new-secret-value-1');
    await expect(client.api.connections.delete({ name: 'api' })).resolves.toEqual({ deleted: true });
    await expect(
      client.api.connections.set({ connection: { type: 'http', name: 'api', base_url: 'http://x', token: SECRET_MASK } }),
    ).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/no secret is stored/) });
  });

  it('keeps the settings files private to the user (mode 0600) under plain Node', () => {
    for (const file of ['settings.json', 'secrets.json']) {
      expect(statSync(join(dataDir, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('never sent a secret to the client in plain text', () => {
    const everything = client.frames.join('\n');
    for (const secret of [SECRET, AWS_SECRET, SMTP_PASSWORD, 'tok-123-abc', 'new-secret-value-1']) expect(everything).not.toContain(secret);
  });

  it('reads and changes preferences; a new data folder waits for a restart', async () => {
    const initial = await client.api.preferences.get();
    expect(initial).toEqual({
      preferences: { theme: 'system', default_parallelism: null, data_dir: null, notify_on_finish: true },
      data_dir: dataDir,
      restart_required: false,
    });
    const changed = await client.api.preferences.set({ theme: 'dark', default_parallelism: 3 });
    expect(changed.preferences).toMatchObject({ theme: 'dark', default_parallelism: 3 });
    expect((await client.api.preferences.get()).preferences.theme).toBe('dark');
    const moved = await client.api.preferences.set({ data_dir: join(scratch, 'elsewhere') });
    expect(moved).toMatchObject({ data_dir: dataDir, restart_required: true });
    await expect(client.api.preferences.set({ theme: 'purple' as never })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/theme/) });
    await expect(client.api.preferences.set({ default_parallelism: 0 })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('keeps the settings files out of reach of pipeline file requests', async () => {
    await expect(client.api.pipelines.open({ path: join(dataDir, 'secrets.json') })).rejects.toMatchObject({ code: 'forbidden-path' });
    const pipeline = (await client.api.pipelines.new({ id: 'x' })).pipeline;
    await expect(client.api.pipelines.save({ path: join(dataDir, 'settings.json'), pipeline })).rejects.toMatchObject({ code: 'forbidden-path' });
  });
});
