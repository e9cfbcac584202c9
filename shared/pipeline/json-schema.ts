import { z } from 'zod';
import { pipelineSchema } from './schema';

/**
 * The JSON Schema of the file as a user writes it (zod's input side: fields with defaults are
 * optional), for editors and other tools. Generated, never edited by hand:
 * `npx tsx scripts/gen-schema.ts` writes it to shared/pipeline/pipeline.schema.json.
 */
export function pipelineJsonSchemaText(): string {
  const schema = z.toJSONSchema(pipelineSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
