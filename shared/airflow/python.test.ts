import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { py, pyCall, pyComment, pyIdentifier, pyStr, pyValue } from './python';

/** Evaluates Python literals with the machine's python3 (ast.literal_eval) and returns them as JSON. */
function pythonReads(literals: string[]): unknown[] {
  const script = [
    'import ast, json, sys',
    'src = sys.stdin.read().split("\\n\\x00\\n")',
    'print(json.dumps([ast.literal_eval(s) for s in src]))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script], { input: literals.join('\n\x00\n'), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as unknown[];
}

describe('pyStr', () => {
  it('writes strings Python reads back exactly: quotes, backslashes, newlines, CR, tabs, Jinja braces and Unicode', () => {
    const samples = [
      '',
      "it's",
      'say "hi"',
      `both ' and "`,
      'back\\slash \\n not a newline',
      'line1\nline2\r\nline3\rend\t tab',
      '{{ params.x }} {% if a %}{{ "{{" }}{% endif %} }}',
      'café ☃ 日本語 🚀',
      'zero\u200bwidth \u202eRLO \u2028 \u2029 \ufeff bom',
      '\u0000 nul \u0007 bell \u001b[31m esc \u007f del \u0085 nel',
      'lone \ud800 surrogate',
    ];
    expect(pythonReads(samples.map(pyStr))).toEqual(samples);
  });

  it('reads back every random string, one literal per line', () => {
    const strings = fc.sample(fc.string({ unit: 'binary', maxLength: 40 }), 300);
    const literals = strings.map(pyStr);
    for (const literal of literals) expect(literal).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(pythonReads(literals)).toEqual(strings);
  });

  it('escapes characters that could make the file read differently from what runs', () => {
    expect(pyStr('a\u202eb')).toBe("'a\\u202eb'");
    expect(pyStr('a\u200bb')).toBe("'a\\u200bb'");
    expect(pyStr('a\u2028b')).toBe("'a\\u2028b'");
    expect(pyStr('é')).toBe("'é'");
  });

  it('quotes like repr: single quotes unless the text has a single quote and no double quote', () => {
    expect(pyStr('plain')).toBe("'plain'");
    expect(pyStr("it's")).toBe('"it\'s"');
    expect(pyStr(`it's "x"`)).toBe(`'it\\'s "x"'`);
  });
});

describe('pyValue', () => {
  it('writes JSON values as Python literals that read back equal', () => {
    const values = fc.sample(fc.jsonValue({ maxDepth: 3, noUnicodeString: false }), 100).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const normalized = values.map((v) => JSON.parse(JSON.stringify(v, (_k, x) => (Object.is(x, -0) ? 0 : x))) as unknown);
    expect(pythonReads(normalized.map((v) => pyValue(v, 1)))).toEqual(normalized);
  });

  it('breaks a multi-line string into one literal per line inside parentheses', () => {
    expect(pyValue('set -e\necho hi\n', 1)).toBe("(\n        'set -e\\n'\n        'echo hi\\n'\n    )");
  });

  it('writes raw code as is and a call with one keyword argument per line, leaving undefined ones out', () => {
    const call = pyCall('BashOperator', [['task_id', 'a'], ['env', undefined], ['retry_delay', py('timedelta(seconds=5)')], ['skip', false]]);
    expect(pyValue(call, 1)).toBe("BashOperator(\n        task_id='a',\n        retry_delay=timedelta(seconds=5),\n        skip=False,\n    )");
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => pyValue(Number.NaN)).toThrow(/NaN/);
    expect(() => pyValue(() => 1)).toThrow(/function/);
  });
});

describe('pyIdentifier and pyComment', () => {
  it('turns any task id into a Python name', () => {
    expect(pyIdentifier('train-model.v2')).toBe('train_model_v2');
    expect(pyIdentifier('3d')).toBe('t_3d');
  });

  it('keeps a comment on one line whatever the text holds', () => {
    expect(pyComment('a\r\nimport os\u2028b\u0085c')).toBe('a import os b c');
  });
});
