import type { z } from 'zod';
import type { OperatorDefinition } from '../shared/operator';
import { formatPath } from '../shared/problems';

/** How an executor reads its config: with the operator's definition and the task's raw config. */
export type ConfigReader = <C extends z.ZodObject>(definition: OperatorDefinition<C>, raw: Record<string, unknown>) => z.output<C>;

/**
 * The executor's view of its config: parsed with the operator's own schema (defaults applied, types real) and
 * checked with its cross-field rules, so a pipeline that skipped validation still fails with one clear line
 * naming every field at fault. Shared by every operator family; each family keeps the first word of its line
 * (`bad` for AWS, `invalid` for the others), because task logs and tests quote those lines as they are.
 */
export function configReader(word: 'bad' | 'invalid'): ConfigReader {
  return (definition, raw) => {
    const parsed = definition.config.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path) || 'config'}: ${issue.message}`);
      throw new Error(`${word} ${definition.id} config: ${problems.join('; ')}`);
    }
    const problems = definition.validate?.(parsed.data) ?? [];
    if (problems.length > 0) {
      throw new Error(`${word} ${definition.id} config: ${problems.map((p) => `${p.path || 'config'}: ${p.message}`).join('; ')}`);
    }
    return parsed.data;
  };
}
