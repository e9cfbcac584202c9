import { z } from 'zod';
import { fieldsOf, innerType, type FieldInfo, type FieldUi, type OperatorDefinition } from '../../../shared/operator';

/** Which input a config field gets: its declared widget, else one chosen from its zod type. */
export type Widget = NonNullable<FieldUi['widget']> | 'object';

export function widgetOf(info: FieldInfo): Widget {
  const inner = innerType(info.schema);
  if (inner instanceof z.ZodObject && info.ui.widget !== 'json') return 'object';
  if (info.ui.widget) return info.ui.widget;
  if (inner instanceof z.ZodString) return 'text';
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodEnum) return 'select';
  if (inner instanceof z.ZodRecord) return 'keyvalue';
  if (inner instanceof z.ZodArray && innerType(inner.element as z.ZodType) instanceof z.ZodString) return 'list';
  return 'json';
}

/** The fields of a nested object field (e.g. notify's `channels`), through the same fieldsOf() as the top level. */
export function fieldsOfObject(schema: z.ZodType): FieldInfo[] {
  const inner = innerType(schema);
  if (!(inner instanceof z.ZodObject)) return [];
  const shell: OperatorDefinition = { id: '', label: '', category: 'Core', description: '', icon: '', config: inner };
  return fieldsOf(shell);
}

/** The first message the field's own schema gives for a value (shown at once, before the whole pipeline is checked). */
export function fieldMessage(info: FieldInfo, value: unknown): string | null {
  if (value === undefined && !info.required) return null;
  const result = info.schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  if (!issue) return null;
  if (value === undefined || (issue.code === 'invalid_type' && value === undefined)) return 'required';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return where + issue.message;
}

/** A number field's text as a value: undefined when empty, null when it is not a number. */
export function parseNumber(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}
