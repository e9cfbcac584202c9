import type { Problem } from '../problems';

/*
 * JSON.parse is fast but its errors differ between engines ("Unexpected token } in JSON at
 * position 41" in one, "Expected double-quoted property name" in another) and speak of offsets.
 * When it fails, a small scanner walks the text again to find the first error and describe it
 * in words, with a line and a column a person can jump to.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

export interface JsonSyntaxError {
  /** 0-based offset into the text. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in characters of that line. */
  column: number;
  message: string;
}

const BOM = '\uFEFF';

/** Parses a file's text as JSON; an empty file and a syntax error each become one problem. */
export function parseJson(text: string): JsonResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { path: '', message: 'the file is empty' } };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const found = findJsonError(body) ?? fromEngineMessage(body, error);
    return { ok: false, problem: { path: '', message: `invalid JSON at line ${found.line}, column ${found.column}: ${found.message}` } };
  }
}

/** Line and column (both 1-based) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function fromEngineMessage(text: string, error: unknown): JsonSyntaxError {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  return { offset, ...lineAndColumn(text, offset), message: message.replace(/\s*(in JSON )?at position \d+.*$/s, '') };
}

class Found {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

const MAX_DEPTH = 2000;

function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'end of file';
  const c = text[offset]!;
  if (c === '\n' || c === '\r') return 'a line break';
  if (c === '"') return `'"'`;
  return `"${c}"`;
}

/** The first syntax error in `text`, or undefined when it is valid JSON (as far as this scanner knows). */
export function findJsonError(text: string): JsonSyntaxError | undefined {
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    throw new Found(at, message);
  };

  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else if (c === 47 && (text[pos + 1] === '/' || text[pos + 1] === '*')) fail('comments are not allowed in JSON');
      else return;
    }
  };

  const word = () => {
    const found = /^[A-Za-z_$][\w$]*/.exec(text.slice(pos, pos + 100))![0];
    if (found === 'true' || found === 'false' || found === 'null') {
      pos += found.length;
      return;
    }
    fail(`unexpected word "${found}"; a string needs double quotes, and only true, false and null are written bare`);
  };

  const string = () => {
    if (text[pos] === "'") fail('strings and property names must use double quotes (")');
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length) fail('unterminated string (missing closing ")');
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos++;
        return;
      }
      if (c === 10 || c === 13) fail('line break inside a string (write it as \\n)');
      if (c < 32) fail('control character inside a string (escape it)');
      if (c === 92) {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) fail('invalid \\u escape (expected four hex digits)');
          pos += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) pos += 2;
        else fail(`invalid escape "\\${next ?? ''}" inside a string`);
      } else pos++;
    }
  };

  const number = () => {
    const start = pos;
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400));
    if (!match) fail('invalid number', start);
    pos += match![0].length;
    if (/[0-9A-Za-z.]/.test(text[pos] ?? '')) fail('invalid number', start);
  };

  const value = (depth: number) => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipSpace();
    const c = text[pos];
    if (c === undefined) fail('unexpected end of file; expected a value');
    else if (c === '{') object(depth);
    else if (c === '[') array(depth);
    else if (c === '"' || c === "'") string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else if (/[A-Za-z_$]/.test(c)) word();
    else fail(`unexpected ${describeChar(text, pos)}; expected a value`);
  };

  const object = (depth: number) => {
    pos++;
    skipSpace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === '}') fail('trailing comma before "}"', pos);
      if (text[pos] !== '"' && text[pos] !== "'") {
        fail(pos >= text.length ? 'unexpected end of file; expected a property name' : `expected a property name in double quotes, found ${describeChar(text, pos)}`);
      }
      string();
      skipSpace();
      if (text[pos] !== ':') fail(`expected ":" after the property name, found ${describeChar(text, pos)}`);
      pos++;
      value(depth + 1);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === '}') {
        pos++;
        return;
      }
      if (pos >= text.length) fail('unexpected end of file; expected "," or "}"');
      if (text[pos] === '"') fail('missing "," between properties');
      fail(`expected "," or "}" after a property value, found ${describeChar(text, pos)}`);
    }
  };

  const array = (depth: number) => {
    pos++;
    skipSpace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[pos] === ']') fail('trailing comma before "]"');
      value(depth + 1);
      skipSpace();
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      if (text[pos] === ']') {
        pos++;
        return;
      }
      if (pos >= text.length) fail('unexpected end of file; expected "," or "]"');
      if (/["{[0-9-]/.test(text[pos]!)) fail('missing "," between array items');
      fail(`expected "," or "]" after an array item, found ${describeChar(text, pos)}`);
    }
  };

  try {
    value(0);
    skipSpace();
    if (pos < text.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Found)) throw error;
    return { offset: error.offset, ...lineAndColumn(text, error.offset), message: error.message };
  }
}
