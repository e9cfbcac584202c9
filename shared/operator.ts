import { z } from 'zod';
import type { Problem } from './problems';

/**
 * The declarative description of an operator (n8n's INodeTypeDescription, in zod).
 * One definition drives the palette, the generated form, the runner's parameter lookup
 * and the Airflow exporter, so nothing about an operator is written twice.
 */

export const OPERATOR_CATEGORIES = ['Core', 'Python', 'AWS', 'Containers', 'Sensors', 'Notify'] as const;
export type OperatorCategory = (typeof OPERATOR_CATEGORIES)[number];

export const CONNECTION_TYPES = ['aws', 'smtp', 'http'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/** How a config field is shown and treated; attached to the field's zod schema through `fieldUi`. */
export interface FieldUi {
  title: string;
  description?: string;
  /** Defaults from the zod type: string → text, number → number, boolean → checkbox, enum → select, record → key-value, array → list. */
  widget?: 'text' | 'textarea' | 'code' | 'number' | 'boolean' | 'select' | 'keyvalue' | 'list' | 'json' | 'connection' | 'path';
  /** Syntax of a `code` widget. */
  language?: 'bash' | 'python' | 'json' | 'yaml' | 'text';
  /** Rendered with the template engine before the task runs (Airflow's `template_fields`). */
  templated?: boolean;
  /** Shown masked, masked in logs, never exported. */
  secret?: boolean;
  /** For a `connection` widget: which kind of connection may be picked. */
  connectionType?: ConnectionType;
  placeholder?: string;
  /** Folded away in the form until asked for. */
  advanced?: boolean;
}

/** The registry that carries FieldUi on config field schemas: `z.string().register(fieldUi, { title: 'Command' })`. */
export const fieldUi = z.registry<FieldUi>();

/** Shorthand: attach UI metadata to a field schema and return the same schema. */
export function field<T extends z.ZodType>(schema: T, ui: FieldUi): T {
  fieldUi.add(schema, ui);
  return schema;
}

export interface OperatorDefinition<C extends z.ZodObject = z.ZodObject> {
  /** Stable id written into pipeline files (`task.operator`). Never renamed: add a new operator instead. */
  id: string;
  label: string;
  category: OperatorCategory;
  description: string;
  /** A name from renderer's icon set (kept as plain text so shared/ stays UI-free). */
  icon: string;
  /** Config schema (a strict object: an unknown key is a typo and an error). */
  config: C;
  /** Cross-field rules the schema cannot express; paths are relative to `config`. */
  validate?: (config: z.output<C>) => Problem[];
  /** What the task returns as its XCom value, in words, for the form's help text. */
  returns?: string;
}

/** Identity with inference, so each definition file gets its config type checked. */
export function defineOperator<C extends z.ZodObject>(definition: OperatorDefinition<C>): OperatorDefinition<C> {
  return definition;
}

export type OperatorConfig<D> = D extends OperatorDefinition<infer C> ? z.output<C> : never;

export interface FieldInfo {
  key: string;
  schema: z.ZodType;
  ui: FieldUi;
  required: boolean;
  defaultValue: unknown;
  /** The allowed values of an enum field. */
  options?: readonly string[];
}

/** Unwraps optional/default/nullable wrappers to reach the field's own type. */
export function innerType(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else return current;
  }
}

/** The fields of an operator's config, in declaration order, with their UI metadata (for forms, masking and templating). */
export function fieldsOf(definition: OperatorDefinition): FieldInfo[] {
  const shape = definition.config.shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([key, schema]) => {
    const ui = fieldUi.get(schema) ?? fieldUi.get(innerType(schema)) ?? { title: key };
    const inner = innerType(schema);
    let defaultValue: unknown;
    if (schema instanceof z.ZodDefault) defaultValue = schema.def.defaultValue;
    const info: FieldInfo = {
      key,
      schema,
      ui,
      required: !schema.safeParse(undefined).success,
      defaultValue,
    };
    if (inner instanceof z.ZodEnum) info.options = inner.options as readonly string[];
    return info;
  });
}

/** Config keys whose values are rendered as templates before the task runs. */
export function templatedFields(definition: OperatorDefinition): string[] {
  return fieldsOf(definition)
    .filter((f) => f.ui.templated)
    .map((f) => f.key);
}

/** Config keys that hold secrets (masked in logs, never exported). */
export function secretFields(definition: OperatorDefinition): string[] {
  return fieldsOf(definition)
    .filter((f) => f.ui.secret)
    .map((f) => f.key);
}
