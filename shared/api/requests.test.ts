import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Pipeline } from '../pipeline/schema';
import { buildApi, type DagstudioApi } from './build-api';
import { METHOD_NAMES } from './method-names';
import { REQUESTS, type Method } from './requests';

describe('the host API contract', () => {
  it('names every request of the table, and only those, for the preload', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(REQUESTS).sort());
  });

  it('names each method group.name, so the API nests as api.group.name()', () => {
    for (const method of METHOD_NAMES) expect(method).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('builds one function per method that forwards its name and payload', async () => {
    const calls: Array<[string, unknown]> = [];
    const api = buildApi(
      async (method, request) => {
        calls.push([method, request]);
        return { ok: method };
      },
      () => () => {},
    );
    await api.runs.get({ run_id: 'r1' });
    await api.app.info();
    expect(calls).toEqual([
      ['runs.get', { run_id: 'r1' }],
      ['app.info', {}],
    ]);
    const methods = Object.entries(api).flatMap(([group, fns]) => (typeof fns === 'function' ? [] : Object.keys(fns).map((n) => `${group}.${n}`)));
    expect(methods.sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('types each method from its schemas', () => {
    expectTypeOf<{ path: string; pipeline: Pipeline }>().toExtend<Parameters<DagstudioApi['pipelines']['save']>[0]>();
    expectTypeOf<{ path: number }>().not.toExtend<Parameters<DagstudioApi['pipelines']['save']>[0]>();
    expectTypeOf<ReturnType<DagstudioApi['runs']['readLog']>>().resolves.toEqualTypeOf<{ text: string; start: number; end: number; size: number }>();
    expectTypeOf<Method>().toEqualTypeOf<(typeof METHOD_NAMES)[number]>();
  });
});
