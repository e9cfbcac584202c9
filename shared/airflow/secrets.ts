import { z } from 'zod';
import { fieldUi, innerType, type OperatorDefinition } from '../operator';

/**
 * Where a task's config holds a secret (fields marked `secret`, at any depth), so the exporter can keep
 * the value out of the DAG file and out of the pipeline copy embedded in it.
 */

const TEMPLATE = /\{\{|\{%/;

function secretKeyPaths(schema: z.ZodType, prefix: string[]): string[][] {
  const inner = innerType(schema);
  if (!(inner instanceof z.ZodObject)) return [];
  const out: string[][] = [];
  for (const [key, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
    const ui = fieldUi.get(child) ?? fieldUi.get(innerType(child));
    const path = [...prefix, key];
    if (ui?.secret) out.push(path);
    else out.push(...secretKeyPaths(child, path));
  }
  return out;
}

/** Key paths (e.g. ["channels", "webhook_url"]) of every secret field an operator's config declares. */
export function secretConfigPaths(definition: OperatorDefinition): string[][] {
  return secretKeyPaths(definition.config, []);
}

/** A secret value written literally (not a template such as `{{ var.value.SLACK_URL }}`, which stays a reference). */
export function isLiteralSecret(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '' && !TEMPLATE.test(value);
  return value !== undefined && value !== null;
}

export function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Deletes the value at `path` in place (parents are left as they are). */
export function deletePath(value: unknown, path: readonly string[]): void {
  const parent = getPath(value, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[path[path.length - 1] as string];
}
