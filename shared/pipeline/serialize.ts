import { z } from 'zod';
import type { OperatorLookup } from './lookup';
import { isRecord } from './raw';
import { pipelineSchema, type Pipeline } from './schema';

/*
 * The file's canonical text, so saving an unchanged pipeline changes no byte and a change shows
 * as a small diff: keys in the order the schema declares them, tasks and groups in the user's
 * order, edges sorted by (from, to), 2-space indent and a final newline. Nothing is dropped: keys
 * the schema does not know (in free-form maps such as `config` or `params`) keep their order.
 */

type Json = unknown;

/** Emits a value's keys in the order `schema` declares them, recursively; keys it does not know follow in their own order. */
function ordered(schema: z.ZodType, value: Json): Json {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodObject && isRecord(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape).filter((key) => value[key] !== undefined);
    const others = Object.keys(value).filter((key) => !Object.hasOwn(shape, key) && value[key] !== undefined);
    // fromEntries defines own properties, so even a key named "__proto__" survives.
    return Object.fromEntries([...known.map((key) => [key, ordered(shape[key]!, value[key])]), ...others.map((key) => [key, value[key]])]);
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) return value.map((item) => ordered(inner.element as z.ZodType, item));
  return value;
}

function compareEdges(a: { from: string; to: string }, b: { from: string; to: string }): number {
  // Code-point order, never localeCompare: the file must not depend on the machine's language.
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to < b.to ? -1 : 1;
  return 0;
}

/**
 * The pipeline as file text. With `operators`, each task's config keys follow its operator's
 * declared field order too (unknown keys after them), which keeps files written by the editor tidy.
 */
export function serialize(pipeline: Pipeline, operators?: OperatorLookup): string {
  const complete: Pipeline = {
    ...pipeline,
    schedule: pipeline.schedule ?? null,
    params: pipeline.params ?? {},
    groups: pipeline.groups ?? [],
    edges: [...(pipeline.edges ?? [])].sort(compareEdges),
  };
  const doc = ordered(pipelineSchema, complete) as Record<string, Json>;
  if (operators !== undefined && Array.isArray(doc.tasks)) {
    for (const task of doc.tasks as Record<string, Json>[]) {
      const definition = typeof task.operator === 'string' ? operators(task.operator) : undefined;
      if (definition !== undefined && isRecord(task.config)) task.config = ordered(definition.config, task.config);
    }
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}
