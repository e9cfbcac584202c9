import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from './parse';
import type { Pipeline } from './schema';
import { serialize } from './serialize';
import { sampleDoc, testOperators } from './testing';

const load = (text: string): Pipeline => {
  const result = parse(text, 'x.dag.json', testOperators);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.pipeline;
};

/** Edge order carries no meaning (serialize sorts them); compare pipelines without it. */
const withSortedEdges = (p: Pipeline): Pipeline => ({
  ...p,
  edges: [...p.edges].sort((a, b) => (a.from + '\u0000' + a.to < b.from + '\u0000' + b.to ? -1 : 1)),
});

/** A complete pipeline using every optional field, written with its keys scrambled. */
function scrambledText(): string {
  return JSON.stringify({
    edges: [
      { to: 'c', from: 'b' },
      { to: 'b', from: 'a' },
      { to: 'c', from: 'a' },
    ],
    tasks: [
      { position: { y: 5, x: 1 }, config: { env: { Z: '1', A: '2' }, command: 'echo "héllo" → ✓' }, operator: 'shell', id: 'a', note: 'first\nline two', retries: 2, trigger_rule: 'all_done', timeout_s: 30, retry_delay_s: 5 },
      { group: 'prep', config: { script: 'b.py', args: ['--n', '3'] }, position: { x: 2, y: 0 }, id: 'b', operator: 'script' },
      { id: 'c', operator: 'join', config: {}, position: { x: 3, y: 0 } },
    ],
    groups: [
      { label: 'Inner', parent: 'prep', id: 'inner' },
      { id: 'prep', label: 'Preparation' },
    ],
    defaults: { trigger_rule: 'all_success', retries: 1 },
    params: { lr: 0.01, nested: { list: [1, 'two', null, true], empty: {} } },
    schedule: '0 6 * * *',
    description: 'Every field',
    title: 'Demo',
    id: 'demo',
    version: 1,
    format: 'dagstudio/pipeline',
  });
}

const sampleDocTasks = (doc: Record<string, unknown>) => doc.tasks as Record<string, unknown>[];

describe('serialize', () => {
  it('writes keys in the schema’s order, 2-space indented, with a final newline', () => {
    const text = serialize(load(scrambledText()));
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'version', 'id', 'title', 'description', 'schedule', 'params', 'defaults', 'groups', 'tasks', 'edges']);
    expect(Object.keys(JSON.parse(text).tasks[0])).toEqual(['id', 'operator', 'config', 'retries', 'retry_delay_s', 'timeout_s', 'trigger_rule', 'position', 'note']);
    expect(Object.keys(JSON.parse(text).defaults)).toEqual(['retries', 'trigger_rule']);
    expect(text.startsWith('{\n  "format": "dagstudio/pipeline",\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n      "position": {\n        "x": 1,\n        "y": 5\n      },');
  });

  it('keeps the user’s order of tasks and groups and sorts edges by from, then to', () => {
    const doc = JSON.parse(serialize(load(scrambledText())));
    expect(doc.tasks.map((t: { id: string }) => t.id)).toEqual(['a', 'b', 'c']);
    expect(doc.groups.map((g: { id: string }) => g.id)).toEqual(['inner', 'prep']);
    expect(doc.edges).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'b', to: 'c' },
    ]);
  });

  it('sorts edges by code point, not by the machine’s language', () => {
    const p = load(JSON.stringify(sampleDoc()));
    p.tasks.push({ ...p.tasks[2]!, id: 'B' }, { ...p.tasks[2]!, id: 'ä' });
    p.edges = [
      { from: 'ä', to: 'a' },
      { from: 'b', to: 'c' },
      { from: 'B', to: 'c' },
    ];
    expect(JSON.parse(serialize(p)).edges.map((e: { from: string }) => e.from)).toEqual(['B', 'b', 'ä']);
  });

  it('keeps a config’s own key order, or the operator’s declared order when given the operators', () => {
    const p = load(scrambledText());
    expect(Object.keys(JSON.parse(serialize(p)).tasks[0].config)).toEqual(['env', 'command']);
    expect(Object.keys(JSON.parse(serialize(p, testOperators)).tasks[0].config)).toEqual(['command', 'env']);
  });

  it('drops nothing: load → save → load gives the same pipeline', () => {
    const first = load(scrambledText());
    expect(load(serialize(first))).toEqual(withSortedEdges(first));
    expect(load(serialize(first, testOperators))).toEqual(withSortedEdges(first));
  });

  it('is byte-for-byte stable: load → save → load → save gives the same text', () => {
    const once = serialize(load(scrambledText()));
    expect(serialize(load(once))).toBe(once);
    const tidy = serialize(load(scrambledText()), testOperators);
    expect(serialize(load(tidy), testOperators)).toBe(tidy);
  });

  it('writes the optional sections even when the file left them out', () => {
    const doc = sampleDoc() as Record<string, unknown>;
    delete doc.groups;
    delete doc.edges;
    delete sampleDocTasks(doc)[1]!.group;
    const text = serialize(load(JSON.stringify(doc)));
    expect(JSON.parse(text)).toMatchObject({ schedule: null, params: {}, groups: [], edges: [] });
  });

  it('round-trips random valid pipelines', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const arbitraryTask = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          operator: fc.constant('shell'),
          config: fc.record({ command: fc.string({ minLength: 1 }), env: fc.dictionary(fc.string(), fc.string()) }, { requiredKeys: ['command'] }),
          retries: fc.integer({ min: 0, max: 100 }),
          note: fc.string(),
          trigger_rule: fc.constantFrom('all_success', 'one_failed', 'always'),
          position: fc.record({ x: fc.integer(), y: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)) }),
        },
        { requiredKeys: ['id', 'operator', 'config', 'position'] },
      );
    const arbitraryDoc = fc
      .record({
        n: fc.integer({ min: 1, max: ids.length }),
        edges: fc.array(fc.tuple(fc.nat(), fc.nat())),
        params: fc.dictionary(fc.string(), fc.jsonValue()),
        title: fc.option(fc.string(), { nil: undefined }),
      })
      .chain(({ n, edges, params, title }) =>
        fc.tuple(...ids.slice(0, n).map(arbitraryTask)).map((tasks) => {
          const unique = new Map<string, { from: string; to: string }>();
          for (const [x, y] of edges) {
            const [i, j] = [x % n, y % n];
            if (i < j) unique.set(`${i}-${j}`, { from: ids[i]!, to: ids[j]! });
          }
          return { format: 'dagstudio/pipeline', version: 1, id: 'random', title, params, tasks, edges: [...unique.values()] };
        }),
      );
    fc.assert(
      fc.property(arbitraryDoc, (doc) => {
        const first = load(JSON.stringify(doc));
        const text = serialize(first);
        const second = load(text);
        expect(second).toEqual(withSortedEdges(first));
        expect(serialize(second)).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
