import { z } from 'zod';
import { formatPath, type Problem } from '../problems';
import { didYouMean } from './closest';

/*
 * zod's own messages ("Invalid input: expected string, received number") are written for
 * programmers. This error map says the same in plain English; it is passed to every safeParse, so
 * a message written into a schema (`.min(0, 'must be 0 or more')`) still wins over it.
 */

/** The kind of a JSON value as a user would name it. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: 'an array',
  null: 'null',
};

function bound(value: number | bigint): string {
  return String(value);
}

/** The error map: a plain-English message for each kind of zod issue. */
export const plainEnglish: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'required';
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      if (issue.expected === 'int' && typeof issue.input === 'number') return `must be a whole number, got ${issue.input}`;
      return `must be ${expected}, got ${describeValue(issue.input)}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${bound(issue.minimum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${bound(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
      return issue.inclusive ? `must be at least ${bound(issue.minimum)}` : `must be more than ${bound(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${bound(issue.maximum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${bound(issue.maximum)} items`;
      return issue.inclusive ? `must be at most ${bound(issue.maximum)}` : `must be less than ${bound(issue.maximum)}`;
    case 'invalid_format':
      if (issue.format === 'regex') return `has an invalid format (expected to match ${issue.pattern ?? 'the pattern'})`;
      if (issue.format === 'url') return 'must be a valid URL';
      if (issue.format === 'email') return 'must be an email address';
      if (issue.format === 'starts_with' || issue.format === 'ends_with' || issue.format === 'includes') return 'has an invalid format';
      return `must be a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return 'unknown field';
    case 'invalid_union':
      return 'does not match any of the allowed forms';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid value';
    default:
      return issue.message ?? 'is invalid';
  }
};

/** Walks a schema along a path to the object schema there, to name the fields it knows. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  let depth = 0;
  while (current !== undefined) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
      continue;
    }
    if (depth === path.length) return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
    const key = path[depth++];
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(key)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
  }
  return [];
}

/**
 * Turns zod's issues into problems with printable paths under `prefix`: one problem per unknown
 * field (naming it, with a suggestion when a known field is close), everything else as mapped.
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, prefix: readonly PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys) problems.push({ path: formatPath([...path, key]), message: `unknown field${didYouMean(key, known)}` });
    } else {
      problems.push({ path: formatPath(path), message: issue.message });
    }
  }
  return problems;
}

/**
 * Parses `value`; on failure, the problems (in plain English) under `prefix`. The valid case,
 * by far the common one, parses without an error map: passing one makes zod several times
 * slower on a 10,000-task file, so the map is only used to re-read a value already known bad.
 */
export function checkWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  prefix: readonly PropertyKey[] = [],
): { ok: true; data: z.output<T> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const explained = schema.safeParse(value, { error: plainEnglish });
  return { ok: false, problems: problemsFromIssues(explained.error?.issues ?? result.error.issues, schema, prefix) };
}
