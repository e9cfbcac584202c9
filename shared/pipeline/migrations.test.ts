import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, validateMigrations, type Document, type Migration } from './migrations';
import { parse } from './parse';
import { serialize } from './serialize';
import { testOperators } from './testing';

/*
 * A made-up format v0 to prove the machinery: tasks were called "nodes", edges were
 * "links" with "source"/"target", and the operator was "kind".
 */
const v0ToV1: Migration = {
  from: 0,
  to: 1,
  title: 'nodes and links became tasks and edges',
  apply(doc) {
    const { nodes, links, ...rest } = doc as Document & { nodes: Record<string, unknown>[]; links: { source: string; target: string }[] };
    return {
      ...rest,
      tasks: nodes.map(({ kind, ...node }) => ({ ...node, operator: kind })),
      edges: links.map((l) => ({ from: l.source, to: l.target })),
    };
  },
};

const v0File = JSON.stringify({
  format: 'dagstudio/pipeline',
  version: 0,
  id: 'old',
  nodes: [
    { id: 'a', kind: 'shell', config: { command: 'echo a' }, position: { x: 0, y: 0 } },
    { id: 'b', kind: 'join', config: {}, position: { x: 1, y: 0 } },
  ],
  links: [{ source: 'a', target: 'b' }],
});

describe('the migration registry', () => {
  it('is a valid chain ending at the current version', () => {
    expect(() => validateMigrations(MIGRATIONS)).not.toThrow();
  });

  it('refuses migrations out of order', () => {
    const step = (from: number, to: number): Migration => ({ from, to, title: `${from} to ${to}`, apply: (d) => d });
    expect(() => validateMigrations([step(0, 1), step(-1, 0)])).toThrow('migration 1 ("-1 to 0") starts at version -1 but the one before it ends at 1: migrations must be in order');
    expect(() => validateMigrations([step(0, 2)], 2)).toThrow('migration 0 ("0 to 2") must go from one version to the next, not 0 → 2');
    expect(() => validateMigrations([step(0, 1)], 2)).toThrow('the last migration ("0 to 1") ends at version 1, not at the current version 2');
    expect(() => validateMigrations([step(0, 1), step(1, 2)], 2)).not.toThrow();
  });

  it('checks a list passed in before using it', () => {
    const bad: Migration = { ...v0ToV1, from: 5, to: 6 };
    expect(() => migrate({ version: 0 }, [bad])).toThrow('ends at version 6, not at the current version 1');
  });
});

describe('migrating a v0 file', () => {
  it('upgrades it on load and says from which version', () => {
    const result = parse(v0File, 'old.dag.json', testOperators, { migrations: [v0ToV1] });
    expect(result).toMatchObject({ ok: true, migratedFrom: 0 });
    if (!result.ok) return;
    expect(result.pipeline.version).toBe(1);
    expect(result.pipeline.tasks.map((t) => [t.id, t.operator])).toEqual([
      ['a', 'shell'],
      ['b', 'join'],
    ]);
    expect(result.pipeline.edges).toEqual([{ from: 'a', to: 'b' }]);
  });

  it('saves the upgraded pipeline as the current version', () => {
    const result = parse(v0File, 'old.dag.json', testOperators, { migrations: [v0ToV1] });
    if (!result.ok) throw new Error('expected ok');
    const saved = serialize(result.pipeline);
    expect(JSON.parse(saved).version).toBe(1);
    const again = parse(saved, 'old.dag.json', testOperators);
    expect(again).toEqual({ ok: true, pipeline: result.pipeline });
  });

  it('never changes the document it was given', () => {
    const doc = JSON.parse(v0File) as Document;
    const before = structuredClone(doc);
    migrate(doc, [v0ToV1]);
    expect(doc).toEqual(before);
  });

  it('refuses it when no migration reads it', () => {
    expect(parse(v0File, 'old.dag.json', testOperators)).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'version 0 is not supported; this dagstudio reads version 1' }],
    });
  });

  it('refuses a version older than the oldest migration, naming the readable range', () => {
    const text = JSON.stringify({ ...JSON.parse(v0File), version: -1 });
    expect(parse(text, 'x', testOperators, { migrations: [v0ToV1] })).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'version -1 is not supported; this dagstudio reads versions 0 to 1' }],
    });
  });

  it('reports a migration that fails instead of throwing', () => {
    const text = JSON.stringify({ format: 'dagstudio/pipeline', version: 0, id: 'x' });
    expect(parse(text, 'x', testOperators, { migrations: [v0ToV1] })).toEqual({
      ok: false,
      problems: [{ path: '', message: expect.stringMatching(/^cannot upgrade from version 0 to 1 \(nodes and links became tasks and edges\): /) }],
    });
  });

  it('still checks the upgraded document by every rule', () => {
    const doc = JSON.parse(v0File);
    doc.links.push({ source: 'b', target: 'a' });
    expect(parse(JSON.stringify(doc), 'x', testOperators, { migrations: [v0ToV1] })).toMatchObject({
      ok: false,
      problems: [{ path: 'edges[1]', message: 'cycle: a → b → a' }],
    });
  });
});
