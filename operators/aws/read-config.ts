import type { z } from 'zod';
import type { OperatorDefinition } from '../../shared/operator';
import { formatPath } from '../../shared/problems';

/**
 * The executor's view of its config: parsed with the operator's own schema (defaults applied, types real) and
 * checked with its cross-field rules, so a pipeline that skipped validation still fails with one clear line
 * naming every field at fault.
 */
export function readConfig<C extends z.ZodObject>(definition: OperatorDefinition<C>, raw: Record<string, unknown>): z.output<C> {
  const parsed = definition.config.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path) || 'config'}: ${issue.message}`);
    throw new Error(`bad ${definition.id} config: ${problems.join('; ')}`);
  }
  const problems = definition.validate?.(parsed.data) ?? [];
  if (problems.length > 0) {
    throw new Error(`bad ${definition.id} config: ${problems.map((p) => `${p.path || 'config'}: ${p.message}`).join('; ')}`);
  }
  return parsed.data;
}
