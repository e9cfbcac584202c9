import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import type { RunFile } from './run-store';
import { RunStore } from './run-store';

const file = (runId: string, dagId: string, start: string): RunFile => ({
  record: { run_id: runId, dag_id: dagId, pipeline_path: null, state: 'running', params: {}, logical_date: start, start, end: null, pgids: [], tasks: {} },
  pipeline: { format: 'dagstudio/pipeline', version: 1, id: dagId, schedule: null, params: {}, groups: [], tasks: [], edges: [] },
  scope: null,
});

describe('RunStore', () => {
  it('gives every run its own id, even when two ask for the same one', () => {
    const store = new RunStore(tempDir('dagstudio-store-'));
    expect(store.reserveRunId('manual__x')).toBe('manual__x');
    expect(store.reserveRunId('manual__x')).toBe('manual__x_2');
  });

  it('keeps runs written by two processes sharing a data dir in the index', async () => {
    const dataDir = tempDir('dagstudio-store-');
    const a = new RunStore(dataDir, 10);
    const b = new RunStore(dataDir, 10);
    await a.track(file(a.reserveRunId('one'), 'dag_a', '2024-01-01T00:00:00.000Z'));
    await b.track(file(b.reserveRunId('two'), 'dag_b', '2024-01-02T00:00:00.000Z'));
    await a.close();
    await b.close();
    const fresh = new RunStore(dataDir);
    expect((await fresh.list()).map((r) => r.run_id)).toEqual(['two', 'one']);
    expect((await fresh.list('dag_a')).map((r) => r.run_id)).toEqual(['one']);
    expect((await fresh.get('one'))?.record.state).toBe('running');
    // Writes are atomic: no temporary file is left behind.
    expect(readdirSync(join(dataDir, 'runs')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('coalesces changes into one write and refuses ids that are not ids', async () => {
    const store = new RunStore(tempDir('dagstudio-store-'), 20);
    const f = file(store.reserveRunId('r'), 'd', '2024-01-01T00:00:00.000Z');
    await store.track(f);
    f.record.state = 'success';
    store.touch('r', { summary: true });
    f.record.end = '2024-01-01T00:00:01.000Z';
    store.touch('r', { summary: true });
    await store.release('r');
    const reread = await new RunStore(store.dataDir).get('r');
    expect(reread?.record).toMatchObject({ state: 'success', end: '2024-01-01T00:00:01.000Z' });
    expect(await store.get('../etc/passwd')).toBeUndefined();
  });
});
