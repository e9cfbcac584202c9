import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pipelineJsonSchemaText } from './json-schema';

describe('pipeline.schema.json', () => {
  it('is in sync with the zod schema (regenerate with `npx tsx scripts/gen-schema.ts`)', () => {
    const committed = readFileSync(new URL('./pipeline.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(pipelineJsonSchemaText());
  });

  it('describes the file as written: defaults optional, unknown fields refused', () => {
    const schema = JSON.parse(pipelineJsonSchemaText());
    expect(schema.required).toEqual(['format', 'version', 'id', 'tasks']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.tasks.items.required).toEqual(['id', 'operator', 'config', 'position']);
    expect(schema.properties.tasks.items.properties.id.pattern).toBe('^[A-Za-z0-9_.-]+$');
  });
});
