/** Writes shared/pipeline/pipeline.schema.json from the zod schema (a unit test fails when the two differ). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pipelineJsonSchemaText } from '../shared/pipeline/json-schema';

const target = fileURLToPath(new URL('../shared/pipeline/pipeline.schema.json', import.meta.url));
const text = pipelineJsonSchemaText();
let previous = '';
try {
  previous = readFileSync(target, 'utf8');
} catch {
  // first run: nothing to compare with
}
if (previous === text) {
  console.log('shared/pipeline/pipeline.schema.json is up to date');
} else {
  writeFileSync(target, text);
  console.log('wrote shared/pipeline/pipeline.schema.json');
}
