import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePipeline, registryLookup, serializePipeline, validatePipeline } from './pipeline';

const fixture = readFileSync(new URL('../test/fixtures/pipelines/valid.dag.json', import.meta.url), 'utf8');

describe('the format bound to the operator registry', () => {
  it('reads a realistic bash/python/empty pipeline', () => {
    const result = parsePipeline(fixture, 'valid.dag.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(validatePipeline(result.pipeline)).toEqual([]);
  });

  it('saves it back byte for byte (the fixture is in canonical form)', () => {
    const result = parsePipeline(fixture, 'valid.dag.json');
    if (!result.ok) throw new Error('expected ok');
    const saved = serializePipeline(result.pipeline);
    expect(saved).toBe(fixture);
    const again = parsePipeline(saved, 'valid.dag.json');
    expect(again.ok && serializePipeline(again.pipeline)).toBe(saved);
  });

  it('checks config against the real operator definitions and suggests operator names from the registry', () => {
    const doc = JSON.parse(fixture);
    doc.tasks[0].config = {};
    doc.tasks[1].operator = 'pyhton';
    expect(validatePipeline(doc)).toEqual([
      { path: 'tasks[0].config.command', message: expect.any(String) },
      { path: 'tasks[1].operator', message: 'unknown operator "pyhton"; did you mean "python"?' },
    ]);
    expect(registryLookup.ids).toContain('bash');
  });
});
