import { describe, expect, it } from 'vitest';
import { fieldsOf, templatedFields } from '../../shared/operator';
import { httpRequestOperator } from './definition';

function problems(config: Record<string, unknown>) {
  const parsed = httpRequestOperator.config.safeParse(config);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return httpRequestOperator.validate?.(parsed.data) ?? [];
}

describe('http_request definition', () => {
  it('is a Core operator whose every field has a title, with GET and a 30 s timeout by default', () => {
    expect(httpRequestOperator.category).toBe('Core');
    const fields = fieldsOf(httpRequestOperator);
    expect(fields.map((f) => f.key)).toEqual(['connection', 'url', 'method', 'headers', 'body', 'expect_status', 'timeout_s']);
    expect(fields.every((f) => f.ui.title && f.ui.title !== f.key)).toBe(true);
    expect(fields.find((f) => f.key === 'method')?.options).toEqual(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
    expect(fields.find((f) => f.key === 'connection')?.ui).toMatchObject({ widget: 'connection', connectionType: 'http' });
    expect(httpRequestOperator.config.parse({ url: 'http://h/x' })).toEqual({ url: 'http://h/x', method: 'GET', timeout_s: 30 });
    expect(templatedFields(httpRequestOperator)).toEqual(['url', 'headers', 'body']);
  });

  it('accepts one expected status or a list, and refuses what is not an HTTP status', () => {
    expect(problems({ url: 'http://h/x', expect_status: 201 })).toEqual([]);
    expect(problems({ url: 'http://h/x', expect_status: [200, 204] })).toEqual([]);
    expect(problems({ url: 'http://h/x', expect_status: 42 })[0]?.path).toBe('expect_status');
    expect(problems({ url: 'http://h/x', expect_status: [] })[0]?.path).toBe('expect_status');
  });

  it('needs an http(s) URL unless a connection supplies the base', () => {
    expect(problems({ url: '/predict' })).toEqual([
      { path: 'url', message: 'must start with http:// or https:// (or pick a connection and give a path under its base URL)' },
    ]);
    expect(problems({ url: '/predict', connection: 'api' })).toEqual([]);
    expect(problems({ url: 'ftp://h/x' })).toEqual([{ path: 'url', message: 'must be an http:// or https:// URL' }]);
    expect(problems({ url: 'http://' })).toEqual([{ path: 'url', message: '"http://" is not a valid URL' }]);
  });

  it('leaves a templated URL to be checked once rendered', () => {
    expect(problems({ url: '{{ var.value.api }}/predict' })).toEqual([]);
  });

  it('refuses a body on GET and HEAD', () => {
    expect(problems({ url: 'http://h/x', method: 'HEAD', body: { a: 1 } })).toEqual([{ path: 'body', message: 'a HEAD request cannot have a body' }]);
    expect(problems({ url: 'http://h/x', method: 'POST', body: { a: 1 } })).toEqual([]);
    expect(problems({ url: 'http://h/x', method: 'PUT', body: 'text' })).toEqual([]);
  });

  it('refuses an unknown key, since a typo must not pass silently', () => {
    expect(problems({ url: 'http://h/x', expected_status: 200 })[0]?.message).toMatch(/expected_status/);
  });
});
