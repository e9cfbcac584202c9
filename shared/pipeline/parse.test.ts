import { describe, expect, it } from 'vitest';
import { parse } from './parse';
import { sampleDoc, testOperators } from './testing';

const read = (text: string, fileName = 'demo.dag.json') => parse(text, fileName, testOperators);

describe('parse', () => {
  it('returns the pipeline with the optional sections filled in', () => {
    const result = read(JSON.stringify(sampleDoc()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pipeline).toMatchObject({ id: 'demo', schedule: null, params: {}, groups: [{ id: 'prep', label: 'Preparation' }] });
    expect(result.pipeline.tasks.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(result).not.toHaveProperty('migratedFrom');
  });

  it('keeps a task’s config as written (operator defaults are applied when it runs, not saved)', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.config = { command: 'echo a', env: { A: '1' } };
    const result = read(JSON.stringify(doc));
    if (!result.ok) throw new Error('expected ok');
    expect(result.pipeline.tasks[0]!.config).toEqual({ command: 'echo a', env: { A: '1' } });
  });

  it('calls an empty file empty', () => {
    expect(read('')).toEqual({ ok: false, problems: [{ path: '', message: 'the file is empty' }] });
  });

  it('gives the line and column of a JSON syntax error', () => {
    expect(read('{\n  "format": "dagstudio/pipeline",\n  "version": 1,\n  "tasks": [,]\n}')).toEqual({
      ok: false,
      problems: [{ path: '', message: 'invalid JSON at line 4, column 13: unexpected ","; expected a value' }],
    });
  });

  it('refuses JSON that is not an object', () => {
    expect(read('[]')).toEqual({ ok: false, problems: [{ path: '', message: 'expected a pipeline (a JSON object), got array' }] });
    expect(read('"dag"')).toEqual({ ok: false, problems: [{ path: '', message: 'expected a pipeline (a JSON object), got string' }] });
  });

  it('refuses a newer version, and a wrong format with it', () => {
    expect(read(JSON.stringify({ ...sampleDoc(), version: 3 }))).toEqual({
      ok: false,
      problems: [{ path: 'version', message: 'version 3 is newer than this dagstudio supports (1); update dagstudio' }],
    });
    expect(read(JSON.stringify({ format: 'other', version: 9 }))).toEqual({
      ok: false,
      problems: [
        { path: 'format', message: 'must be "dagstudio/pipeline", got "other"' },
        { path: 'version', message: 'version 9 is newer than this dagstudio supports (1); update dagstudio' },
      ],
    });
  });

  it('suggests an id from the file name when it is missing', () => {
    const { id: _, ...doc } = sampleDoc();
    expect(read(JSON.stringify(doc), '/home/me/pet detection.dag.json')).toMatchObject({
      ok: false,
      problems: [{ path: 'id', message: 'required; the file name suggests "pet_detection"' }],
    });
    expect(read(JSON.stringify(doc), '...json')).toMatchObject({ ok: false, problems: [{ path: 'id', message: 'required' }] });
  });

  it('still returns a structurally sound pipeline with its problems, so an editor can open it', () => {
    const doc = sampleDoc();
    doc.edges.push({ from: 'c', to: 'a' });
    const result = read(JSON.stringify(doc));
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'edges[2]', message: 'cycle: a → b → c → a' }] });
    expect(result.pipeline?.tasks).toHaveLength(3);
  });

  it('returns no pipeline when the structure itself is broken', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.position = null;
    const result = read(JSON.stringify(doc));
    expect(result).toEqual({ ok: false, problems: [{ path: 'tasks[0].position', message: 'must be an object, got null' }] });
  });
});
