import { describe, expect, it } from 'vitest';
import type { HttpConnection } from '../../shared/settings';
import { displayUrl, joinUrl, resolveHttpTarget } from './http-target';

const api: HttpConnection = {
  type: 'http',
  name: 'api',
  base_url: 'http://127.0.0.1:8080/api/',
  headers: { 'X-Team': 'ml', Accept: 'text/plain' },
  login: 'svc',
  password: 's3cr3t',
};

describe('joinUrl', () => {
  it('appends a path to the base like Airflow does, keeping the base path', () => {
    expect(joinUrl('http://h/api', '/predict')).toBe('http://h/api/predict');
    expect(joinUrl('http://h/api/', 'predict')).toBe('http://h/api/predict');
    expect(joinUrl('http://h/api/', '?q=1')).toBe('http://h/api?q=1');
    expect(joinUrl('http://h/api', '')).toBe('http://h/api');
  });
});

describe('resolveHttpTarget', () => {
  it('sends the connection headers and basic auth, and lets the task headers win whatever their case', () => {
    const target = resolveHttpTarget({ url: 'predict', headers: { accept: 'application/json' }, connection: api });
    expect(target.url.href).toBe('http://127.0.0.1:8080/api/predict');
    expect(target.headers).toEqual({
      'X-Team': 'ml',
      accept: 'application/json',
      Authorization: `Basic ${Buffer.from('svc:s3cr3t').toString('base64')}`,
    });
    expect(target.auth).toBe('basic');
  });

  it('prefers a token (bearer) over login and password', () => {
    const target = resolveHttpTarget({ url: '/x', connection: { ...api, token: 'tok-123' } });
    expect(target.headers.Authorization).toBe('Bearer tok-123');
    expect(target.auth).toBe('bearer');
  });

  it('keeps an Authorization header the task sets itself', () => {
    const target = resolveHttpTarget({ url: '/x', headers: { authorization: 'Custom abc' }, connection: api });
    expect(target.headers).toMatchObject({ authorization: 'Custom abc' });
    expect(Object.keys(target.headers).filter((k) => k.toLowerCase() === 'authorization')).toHaveLength(1);
    expect(target.auth).toBe('header');
  });

  it('accepts an absolute URL on the connection’s own server', () => {
    expect(resolveHttpTarget({ url: 'http://127.0.0.1:8080/other', connection: api }).url.href).toBe('http://127.0.0.1:8080/other');
  });

  it('refuses to send a connection’s credentials to another server', () => {
    expect(() => resolveHttpTarget({ url: 'https://evil.example/x', connection: api })).toThrow(
      'url https://evil.example/x is not under the base URL http://127.0.0.1:8080/api/ of connection "api"',
    );
  });

  it('needs an absolute URL without a connection, and says so', () => {
    expect(() => resolveHttpTarget({ url: '/health' })).toThrow('url "/health" must start with http:// or https://');
    expect(() => resolveHttpTarget({ url: 'ftp://h/x' })).toThrow('url "ftp://h/x" must be an http:// or https:// URL');
  });

  it('turns credentials in the URL into basic auth, since fetch refuses them', () => {
    const target = resolveHttpTarget({ url: 'http://me:p%40ss@127.0.0.1:9/x' });
    expect(target.url.href).toBe('http://127.0.0.1:9/x');
    expect(target.headers.Authorization).toBe(`Basic ${Buffer.from('me:p@ss').toString('base64')}`);
  });
});

describe('displayUrl', () => {
  it('leaves out credentials and the query string', () => {
    expect(displayUrl(new URL('https://u:p@h.example:8443/a/b?token=x'))).toBe('https://h.example:8443/a/b');
    expect(displayUrl(new URL('http://h.example/'))).toBe('http://h.example');
  });
});
