import type { z } from 'zod';
import type { OperatorDefinition } from '../../shared/operator';
import { formatPath } from '../../shared/problems';

/**
 * The executor's view of its config: parsed with the operator's own schema (so defaults are applied and types
 * are real) and checked with its cross-field rules. Bad config becomes one line naming every field at fault.
 */
export function readConfig<C extends z.ZodObject>(definition: OperatorDefinition<C>, raw: Record<string, unknown>): z.output<C> {
  const parsed = definition.config.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path) || 'config'}: ${issue.message}`);
    throw new Error(`invalid ${definition.id} config: ${problems.join('; ')}`);
  }
  const problems = definition.validate?.(parsed.data) ?? [];
  if (problems.length > 0) {
    throw new Error(`invalid ${definition.id} config: ${problems.map((p) => `${p.path || 'config'}: ${p.message}`).join('; ')}`);
  }
  return parsed.data;
}

/** The last resort for unexpected errors: their first line only, never a stack. */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? 'unknown error';
  return first.trim();
}
