import nunjucks from 'nunjucks';
import type { Problem } from '../problems';
import type { TemplateContext } from './context';

/**
 * Rendering with a Jinja-compatible engine (nunjucks), configured like Airflow's environment: no
 * autoescaping, and an undefined value is an error rather than an empty string (Airflow's
 * StrictUndefined), so a typo fails the task instead of running a wrong command.
 */

const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
// Jinja's name for JSON output, so `{{ x | tojson }}` works here and in Airflow.
env.addFilter('tojson', (value: unknown) => JSON.stringify(value));

const cache = new Map<string, nunjucks.Template>();
const CACHE_LIMIT = 500;

/** True when the text contains template syntax; anything else renders to itself. */
export function isTemplate(text: string): boolean {
  return text.includes('{{') || text.includes('{%') || text.includes('{#');
}

export class TemplateRenderError extends Error {}

export function renderString(template: string, context: TemplateContext): string {
  if (!isTemplate(template)) return template;
  try {
    let compiled = cache.get(template);
    if (!compiled) {
      compiled = nunjucks.compile(template, env);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(template, compiled);
    }
    return compiled.render(context);
  } catch (error) {
    throw new TemplateRenderError(describe(error, template));
  }
}

/** One readable line from nunjucks's multi-line error: where, what, and the expression when known. */
function describe(error: unknown, template: string): string {
  // nunjucks's parser sometimes fails with a plain TypeError on broken syntax; its text means nothing to a user.
  if (!(error instanceof Error)) return 'invalid template syntax';
  const raw = error instanceof Error ? error.message : String(error);
  const at = /^\([^)]*\)(?: \[Line (\d+)(?:, Column (\d+))?\])?\s*/.exec(raw);
  const lineno = at?.[1] ? Number(at[1]) : undefined;
  const colno = at?.[2] ? Number(at[2]) : undefined;
  let message = raw.slice(at ? at[0].length : 0).replace(/^Error: /, '').trim();
  if (/^(TypeError|ReferenceError|RangeError): /.test(message)) return 'invalid template syntax';
  if (message === 'attempted to output null or undefined value') message = 'undefined value';
  const where = lineno ? `line ${lineno}${colno ? `, column ${colno}` : ''}: ` : '';
  const expression = lineno ? expressionAt(template, lineno, colno ?? 1) : undefined;
  return `${where}${message}${expression ? ` in ${expression}` : ''}`;
}

function expressionAt(template: string, lineno: number, colno: number): string | undefined {
  const line = template.split('\n')[lineno - 1];
  if (line === undefined) return undefined;
  const open = line.lastIndexOf('{{', Math.max(0, colno));
  if (open < 0) return undefined;
  const close = line.indexOf('}}', open);
  return close < 0 ? undefined : line.slice(open, close + 2);
}

/**
 * Renders every string inside `value` (objects and arrays recursively, keys untouched), the way Airflow
 * renders a templated field. A failure names the exact path: `tasks.fetch.config.env.TOKEN`.
 */
/** A context, or a function that builds it: then it is built only if some text really is a template. */
export type LazyContext = TemplateContext | (() => TemplateContext);

export function renderValue(
  value: unknown,
  context: LazyContext,
  path: string,
): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  let built: TemplateContext | undefined = typeof context === 'function' ? undefined : context;
  const get = () => (built ??= (context as () => TemplateContext)());
  try {
    return { ok: true, value: renderDeep(value, get, path) };
  } catch (error) {
    if (error instanceof PathError) return { ok: false, problem: { path: error.path, message: `template error: ${error.message}` } };
    throw error;
  }
}

class PathError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

function renderDeep(value: unknown, context: () => TemplateContext, path: string): unknown {
  if (typeof value === 'string') {
    if (!isTemplate(value)) return value;
    try {
      return renderString(value, context());
    } catch (error) {
      throw new PathError(path, error instanceof Error ? error.message : String(error));
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => renderDeep(v, context, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, context, `${path}.${k}`)]));
  }
  return value;
}

/** Renders the templated fields of a task's config; the other fields are copied unchanged. */
export function renderConfig(
  config: Record<string, unknown>,
  templated: readonly string[],
  context: LazyContext,
  pathPrefix: string,
): { ok: true; config: Record<string, unknown> } | { ok: false; problem: Problem } {
  const out: Record<string, unknown> = { ...config };
  let built: TemplateContext | undefined = typeof context === 'function' ? undefined : context;
  const get = () => (built ??= (context as () => TemplateContext)());
  for (const key of templated) {
    if (!(key in config)) continue;
    const rendered = renderValue(config[key], get, `${pathPrefix}.${key}`);
    if (!rendered.ok) return rendered;
    out[key] = rendered.value;
  }
  return { ok: true, config: out };
}
