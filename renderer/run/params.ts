/** The Run dialog's fields: one per pipeline param, typed by its default, and the values read back. */

export type ParamKind = 'text' | 'number' | 'boolean' | 'json';

export interface ParamField {
  name: string;
  kind: ParamKind;
  /** What the input starts with: the default, written for its kind. */
  initial: string | boolean;
}

export function kindOf(value: unknown): ParamKind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

export function paramFields(params: Record<string, unknown>): ParamField[] {
  return Object.entries(params).map(([name, value]) => {
    const kind = kindOf(value);
    const initial = kind === 'boolean' ? (value as boolean) : kind === 'json' ? JSON.stringify(value ?? null) : String(value);
    return { name, kind, initial };
  });
}

export type ParamRead = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads one field back as its kind; a wrong value gets a message saying what is expected. */
export function readParam(field: ParamField, input: string | boolean): ParamRead {
  if (field.kind === 'boolean') return { ok: true, value: input === true || input === 'true' };
  const text = String(input);
  if (field.kind === 'text') return { ok: true, value: text };
  if (field.kind === 'number') {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) return { ok: false, message: `${field.name}: expected a number, got "${text}"` };
    return { ok: true, value: n };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `${field.name}: expected JSON (for example ["a", "b"] or {"k": 1})` };
  }
}

/**
 * The params to send with `runs.start`: every field read back, or the messages of those that could not be.
 * Only values that differ from the defaults are sent, so a run's record shows what was overridden.
 */
export function readParams(
  fields: readonly ParamField[],
  inputs: Readonly<Record<string, string | boolean>>,
  defaults: Record<string, unknown>,
): { ok: true; params: Record<string, unknown> } | { ok: false; messages: string[] } {
  const params: Record<string, unknown> = {};
  const messages: string[] = [];
  for (const field of fields) {
    const read = readParam(field, inputs[field.name] ?? field.initial);
    if (!read.ok) messages.push(read.message);
    else if (JSON.stringify(read.value) !== JSON.stringify(defaults[field.name])) params[field.name] = read.value;
  }
  return messages.length ? { ok: false, messages } : { ok: true, params };
}
