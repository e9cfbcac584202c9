/**
 * Python source text from JSON-like values: the literals the Airflow exporter writes. Pure, so the same
 * escaping is tested once and used for every operator. Strings are always exact (Python reads back the
 * same code points), whatever they hold: quotes, backslashes, newlines, Jinja braces, any Unicode.
 */

/** A piece of Python written as is (a call, a name): never quoted. */
export class PyCode {
  constructor(readonly code: string) {}
}

/** Raw Python code, written as is. */
export function py(code: string): PyCode {
  return new PyCode(code);
}

/** A call with keyword arguments, formatted like the rest of the file. Undefined arguments are left out. */
export class PyCall {
  constructor(
    readonly callee: string,
    readonly kwargs: ReadonlyArray<readonly [string, unknown]>,
  ) {}
}

export function pyCall(callee: string, kwargs: ReadonlyArray<readonly [string, unknown]>): PyCall {
  return new PyCall(callee, kwargs);
}

/*
 * Escaped: C0/C1 controls, format characters (zero-width and bidi controls could make the file read
 * differently from what Python runs), line and paragraph separators, lone surrogates, private use and
 * unassigned code points. Everything else is written as itself (the file is UTF-8).
 */
const NEEDS_ESCAPE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/u;

const SIMPLE_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCodePoint(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** A Python string literal (like `repr`: single quotes unless the text has ' and no "). */
export function pyStr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  // for…of walks code points, so a valid surrogate pair stays one character and a lone one is escaped.
  for (const ch of text) {
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (ch === quote) out += '\\' + ch;
    else if (NEEDS_ESCAPE.test(ch)) out += escapeCodePoint(ch.codePointAt(0) as number);
    else out += ch;
  }
  return out + quote;
}

/** A Python number literal; refuses what JSON cannot hold either. */
export function pyNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} as a Python number`);
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  // JavaScript's shortest round-trip form ("1e+21", "0.1") is valid Python and reads back to the same double.
  return String(n);
}

export const PY_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'type',
]);

/** A valid Python identifier made from an id ("train-model.v2" → "train_model_v2"). */
export function pyIdentifier(id: string): string {
  let name = id.replace(/[^A-Za-z0-9_]/g, '_');
  if (name === '' || /^[0-9]/.test(name)) name = 't_' + name;
  return name;
}

const INDENT = '    ';
const LINE_WIDTH = 100;

/** Python text of a value at an indentation level; short values stay on one line, long ones break per item. */
export function pyValue(value: unknown, level = 0): string {
  if (value instanceof PyCode) return value.code;
  if (value instanceof PyCall) return formatCall(value, level);
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return pyNumber(value);
  if (typeof value === 'string') return formatString(value, level);
  if (Array.isArray(value)) return formatItems('[', ']', value.map((v) => (l: number) => pyValue(v, l)), level);
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return formatItems('{', '}', entries.map(([k, v]) => (l: number) => `${pyStr(k)}: ${pyValue(v, l)}`), level);
  }
  throw new Error(`cannot write a ${typeof value} as Python`);
}

function formatString(text: string, level: number): string {
  const body = text.slice(0, -1);
  if (!body.includes('\n')) return pyStr(text);
  // Multi-line text (a script) reads best as one literal per line, joined by Python's implicit concatenation.
  const pieces = text.split(/(?<=\n)/);
  const inner = INDENT.repeat(level + 1);
  return '(\n' + pieces.map((p) => inner + pyStr(p)).join('\n') + '\n' + INDENT.repeat(level) + ')';
}

function formatItems(open: string, close: string, items: Array<(level: number) => string>, level: number): string {
  if (items.length === 0) return open + close;
  const flat = items.map((item) => item(level));
  const oneLine = open + flat.join(', ') + close;
  if (!oneLine.includes('\n') && INDENT.length * level + oneLine.length <= LINE_WIDTH) return oneLine;
  const inner = INDENT.repeat(level + 1);
  return open + '\n' + items.map((item) => inner + item(level + 1) + ',').join('\n') + '\n' + INDENT.repeat(level) + close;
}

function formatCall(call: PyCall, level: number): string {
  const args = call.kwargs.filter(([, v]) => v !== undefined);
  if (args.length === 0) return call.callee + '()';
  const inner = INDENT.repeat(level + 1);
  const lines = args.map(([k, v]) => `${inner}${k}=${pyValue(v, level + 1)},`);
  return call.callee + '(\n' + lines.join('\n') + '\n' + INDENT.repeat(level) + ')';
}

/** Text safe inside a `#` comment: one line, no control or format characters (a CR would end the comment). */
export function pyComment(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]+/gu, ' ').replace(/ {2,}/g, ' ').trim();
}
