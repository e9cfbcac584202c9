import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closestMatches, editDistance } from './closest';
import { checkWith } from './messages';

/** The one message zod's issue becomes, at the given path. */
const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = checkWith(schema, value, ['x']);
  if (result.ok) throw new Error('expected a problem');
  return result.problems;
};
const one = (schema: z.ZodType, value: unknown) => {
  const problems = messageOf(z.strictObject({ v: schema }), { v: value });
  expect(problems).toHaveLength(1);
  return problems[0]!.message;
};

describe('zod issues in plain English', () => {
  const cases: [string, z.ZodType, unknown, string][] = [
    ['a missing value', z.string(), undefined, 'required'],
    ['a wrong type', z.string(), 5, 'must be a string, got number'],
    ['null for a number', z.number(), null, 'must be a number, got null'],
    ['a fraction for a whole number', z.number().int(), 1.5, 'must be a whole number, got 1.5'],
    ['a string for a boolean', z.boolean(), 'yes', 'must be true or false, got string'],
    ['an object for an array', z.array(z.string()), {}, 'must be an array, got object'],
    ['an array for a record', z.record(z.string(), z.string()), [], 'must be an object, got array'],
    ['an empty string', z.string().min(1), '', 'must not be empty'],
    ['a short string', z.string().min(3), 'ab', 'must be at least 3 characters'],
    ['a long string', z.string().max(2), 'abc', 'must be at most 2 characters'],
    ['a small number', z.number().min(1), 0, 'must be at least 1'],
    ['a number not above a bound', z.number().gt(0), 0, 'must be more than 0'],
    ['a large number', z.number().max(10), 11, 'must be at most 10'],
    ['a number not below a bound', z.number().lt(10), 10, 'must be less than 10'],
    ['a short list', z.array(z.string()).min(1), [], 'must have at least 1 item'],
    ['a long list', z.array(z.string()).max(2), ['a', 'b', 'c'], 'must have at most 2 items'],
    ['a bad URL', z.url(), 'not a url', 'must be a valid URL'],
    ['a bad email', z.email(), 'me-at-home', 'must be an email address'],
    ['a pattern mismatch', z.string().regex(/^s3:\/\//), 'http://x', 'has an invalid format (expected to match /^s3:\\/\\//)'],
    ['a multiple', z.number().multipleOf(5), 7, 'must be a multiple of 5'],
    ['no union member', z.union([z.string(), z.number()]), true, 'does not match any of the allowed forms'],
    ['a literal', z.literal('POST'), 'GET', 'must be "POST"'],
    ['an enum', z.enum(['GET', 'POST']), 'PUT', 'must be one of: GET, POST'],
    ['a schema’s own message', z.string().min(1, 'give the bucket a name'), '', 'give the bucket a name'],
    ['a refinement’s message', z.string().refine((s) => s.startsWith('ml.'), 'must start with "ml."'), 'm5.large', 'must start with "ml."'],
  ];

  it.each(cases)('%s', (_, schema, value, message) => {
    expect(one(schema, value)).toBe(message);
  });

  it('gives paths under the prefix, into records and arrays', () => {
    expect(messageOf(z.strictObject({ env: z.record(z.string(), z.string()), args: z.array(z.string()) }), { env: { A: 1 }, args: ['a', 2] })).toEqual([
      { path: 'x.env.A', message: 'must be a string, got number' },
      { path: 'x.args[1]', message: 'must be a string, got number' },
    ]);
  });

  it('names each unknown field on its own, with a suggestion when one is close', () => {
    expect(messageOf(z.strictObject({ bucket: z.string(), key: z.string() }), { bucket: 'b', key: 'k', bukcet: 'b', colour: 1 })).toEqual([
      { path: 'x.bukcet', message: 'unknown field; did you mean "bucket"?' },
      { path: 'x.colour', message: 'unknown field' },
    ]);
  });
});

describe('close matches', () => {
  it('count swaps of neighbours as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'xyz', 1)).toBe(2); // gives up once above the limit
  });

  it('suggest near names and names sharing a long prefix, nothing for very short ones', () => {
    expect(closestMatches('pyhton', ['bash', 'python', 'empty'])).toEqual(['python']);
    expect(closestMatches('s3_upload_file', ['s3_upload', 's3_download'])).toEqual(['s3_upload']);
    expect(closestMatches('x', ['a', 'b'])).toEqual([]);
    expect(closestMatches('BASH', ['bash'])).toEqual(['bash']);
  });
});
