import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonError, lineAndColumn, parseJson } from './json';

const problemOf = (text: string) => {
  const result = parseJson(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
};

describe('parseJson', () => {
  it('reads JSON, with or without a byte-order mark', () => {
    expect(parseJson('{"a": [1, true, null]}')).toEqual({ ok: true, value: { a: [1, true, null] } });
    expect(parseJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('calls an empty or blank file empty', () => {
    expect(problemOf('')).toEqual({ path: '', message: 'the file is empty' });
    expect(problemOf(' \n\t\n')).toEqual({ path: '', message: 'the file is empty' });
  });

  it('names the line and column of a missing comma', () => {
    const text = '{\n  "format": "dagstudio/pipeline",\n  "version": 1\n  "id": "x"\n}\n';
    expect(problemOf(text)).toEqual({ path: '', message: 'invalid JSON at line 4, column 3: missing "," between properties' });
  });

  const cases: [string, string, string][] = [
    ['a trailing comma in an object', '{\n  "a": 1,\n}', 'line 3, column 1: trailing comma before "}"'],
    ['a trailing comma in an array', '[1, 2, ]', 'line 1, column 8: trailing comma before "]"'],
    ['a comment', '{\n  // the id\n  "a": 1\n}', 'line 2, column 3: comments are not allowed in JSON'],
    ['single quotes', "{'a': 1}", 'line 1, column 2: strings and property names must use double quotes (")'],
    ['an unquoted word', '{"a": yes}', 'line 1, column 7: unexpected word "yes"; a string needs double quotes, and only true, false and null are written bare'],
    ['an unquoted property name', '{a: 1}', 'line 1, column 2: expected a property name in double quotes, found "a"'],
    ['a missing colon', '{"a" 1}', 'line 1, column 6: expected ":" after the property name, found "1"'],
    ['an unterminated string', '{"a": "abc', 'line 1, column 11: unterminated string (missing closing ")'],
    ['a line break inside a string', '{"a": "ab\ncd"}', 'line 1, column 10: line break inside a string (write it as \\n)'],
    ['a bad escape', '{"a": "C:\\dir"}', 'line 1, column 10: invalid escape "\\d" inside a string'],
    ['a bad number', '{"a": 01}', 'line 1, column 7: invalid number'],
    ['a missing comma between array items', '[1 2]', 'line 1, column 4: missing "," between array items'],
    ['a truncated file', '{"a": [1, 2', 'line 1, column 12: unexpected end of file; expected "," or "]"'],
    ['text after the value', '{"a": 1} {"b": 2}', 'line 1, column 10: unexpected text after the end of the JSON value'],
    ['a stray closing bracket', '{"a": ]}', 'line 1, column 7: unexpected "]"; expected a value'],
  ];

  it.each(cases)('describes %s in words', (_, text, where) => {
    expect(problemOf(text)).toEqual({ path: '', message: `invalid JSON at ${where}` });
  });
});

describe('findJsonError', () => {
  it('finds nothing in any text JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(findJsonError(JSON.stringify(value, null, indent))).toBeUndefined();
      }),
    );
  });

  it('finds an error wherever JSON.parse fails on a cut or corrupted document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n'), (value, cut, insert) => {
        const text = JSON.stringify(value, null, 2);
        const at = cut % (text.length + 1);
        const broken = text.slice(0, at) + insert + text.slice(at + 1);
        let parses = true;
        try {
          JSON.parse(broken);
        } catch {
          parses = false;
        }
        const found = findJsonError(broken);
        if (parses) expect(found).toBeUndefined();
        else expect(found).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });
});

describe('lineAndColumn', () => {
  it('counts from 1 and restarts columns after each line break', () => {
    expect(lineAndColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });
});
