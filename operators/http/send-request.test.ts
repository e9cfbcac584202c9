import { describe, expect, it } from 'vitest';
import { bodyPreview, describeExpected, isJsonType, responseValue, statusMatches, type HttpResponseText } from './send-request';

const response = (text: string, contentType: string, truncated = false): HttpResponseText => ({
  status: 200,
  statusText: 'OK',
  contentType,
  text,
  bytes: text.length,
  truncated,
});

describe('statusMatches', () => {
  it('accepts any 2xx when nothing is expected, else exactly the listed statuses', () => {
    expect(statusMatches(undefined, 204)).toBe(true);
    expect(statusMatches(undefined, 302)).toBe(false);
    expect(statusMatches(201, 200)).toBe(false);
    expect(statusMatches([200, 404], 404)).toBe(true);
    expect(describeExpected([200, 404])).toBe('200 or 404');
    expect(describeExpected(undefined)).toBe('2xx');
  });
});

describe('responseValue', () => {
  it('parses JSON bodies, including +json types, and keeps anything else as text', () => {
    expect(responseValue(response('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
    expect(responseValue(response('{"title":"x"}', 'application/problem+json'))).toEqual({ title: 'x' });
    expect(responseValue(response('{"a":1}', 'text/plain'))).toBe('{"a":1}');
    expect(responseValue(response('not json', 'application/json'))).toBe('not json');
    expect(responseValue(response('', 'application/json'))).toBeNull();
  });

  it('does not parse a body that was cut at the size limit', () => {
    expect(responseValue(response('{"a":', 'application/json', true))).toBe('{"a":');
    expect(isJsonType('text/json')).toBe(false);
  });
});

describe('bodyPreview', () => {
  it('folds whitespace and cuts at 200 characters', () => {
    expect(bodyPreview('a\n  b\tc')).toBe('a b c');
    expect(bodyPreview('x'.repeat(250))).toBe(`${'x'.repeat(200)}…`);
  });
});
