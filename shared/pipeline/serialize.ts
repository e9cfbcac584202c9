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

/** How to write one kind of value: an object's keys in declared order (with the plans of their values), or an array's items. */
type Plan = { kind: 'object'; keys: string[]; children: (Plan | undefined)[]; known: Set<string> } | { kind: 'array'; items: Plan | undefined };

/* Plans are worked out once per schema: walking zod's wrappers for each of 10,000 tasks would cost more than writing them. */
const plans = new WeakMap<z.ZodType, Plan | null>();

function planOf(schema: z.ZodType): Plan | undefined {
  const cached = plans.get(schema);
  if (cached !== undefined) return cached ?? undefined;
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  let plan: Plan | undefined;
  if (inner instanceof z.ZodObject) {
    const shape = inner.shape as Record<string, z.ZodType>;
    const keys = Object.keys(shape);
    plan = { kind: 'object', keys, children: [], known: new Set(keys) };
    plans.set(schema, plan); // before the children, so a recursive schema finds itself
    plan.children = keys.map((key) => planOf(shape[key]!));
  } else if (inner instanceof z.ZodArray) {
    plan = { kind: 'array', items: undefined };
    plans.set(schema, plan);
    plan.items = planOf(inner.element as z.ZodType);
  }
  plans.set(schema, plan ?? null);
  return plan;
}

/** A copy of `value` with keys in the plan's order; keys it does not know follow in their own order, so nothing is lost. */
function ordered(plan: Plan | undefined, value: Json): Json {
  if (plan === undefined) return value;
  if (plan.kind === 'array') return Array.isArray(value) ? value.map((item) => ordered(plan.items, item)) : value;
  if (!isRecord(value)) return value;
  const out: Record<string, Json> = {};
  for (let i = 0; i < plan.keys.length; i++) {
    const key = plan.keys[i]!;
    const field = value[key];
    if (field !== undefined) out[key] = ordered(plan.children[i], field);
  }
  for (const key of Object.keys(value)) {
    if (plan.known.has(key) || value[key] === undefined) continue;
    // defineProperty, not assignment: a key named "__proto__" must stay data.
    Object.defineProperty(out, key, { value: value[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
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
  const doc = ordered(planOf(pipelineSchema), complete) as Record<string, Json>;
  if (operators !== undefined && Array.isArray(doc.tasks)) {
    for (const task of doc.tasks as Record<string, Json>[]) {
      const definition = typeof task.operator === 'string' ? operators(task.operator) : undefined;
      if (definition !== undefined && isRecord(task.config)) task.config = ordered(planOf(definition.config), task.config);
    }
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}
