import { describe, expect, it } from 'vitest';
import { httpRequestOperator } from '../http_request/definition';
import { oneLine, readConfig } from './read-config';

describe('readConfig', () => {
  it('applies the schema defaults', () => {
    expect(readConfig(httpRequestOperator, { url: 'http://h/x' })).toMatchObject({ method: 'GET', timeout_s: 30 });
  });

  it('names every bad field in one line', () => {
    expect(() => readConfig(httpRequestOperator, { method: 'FETCH', colour: 1 })).toThrow(
      /^invalid http_request config: url: .*; method: .*; config: Unrecognized key: "colour"$/,
    );
  });

  it('applies the cross-field rules too', () => {
    expect(() => readConfig(httpRequestOperator, { url: 'http://h/x', body: 'x' })).toThrow('invalid http_request config: body: a GET request cannot have a body');
  });
});

describe('oneLine', () => {
  it('keeps the first non-empty line of a message and drops any stack', () => {
    const error = new Error('\nfirst line\nsecond line');
    expect(oneLine(error)).toBe('first line');
  });
});
