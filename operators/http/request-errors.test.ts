import { describe, expect, it } from 'vitest';
import { CancelledError } from './cancel';
import { describeRequestError } from './request-errors';

/* Shaped like undici's errors: TypeError('fetch failed') with the system error under `cause`. */
const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });
const url = new URL('https://api.example.com:8443/v1/predict?token=abc');
const base = { url, timeoutS: 30, cancelled: false, timedOut: false };

describe('describeRequestError', () => {
  it('names the origin and the reason for connection failures', () => {
    expect(describeRequestError(fetchFailed({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }), base).message).toBe(
      'cannot reach https://api.example.com:8443: connection refused',
    );
    expect(describeRequestError(fetchFailed({ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }), base).message).toBe(
      'cannot reach https://api.example.com:8443: host not found',
    );
    expect(describeRequestError(fetchFailed({ code: 'UND_ERR_SOCKET', message: 'other side closed' }), base).message).toBe(
      'cannot reach https://api.example.com:8443: connection closed by the server',
    );
  });

  it('looks inside an AggregateError of per-address attempts', () => {
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {});
    expect(describeRequestError(fetchFailed(aggregate), base).message).toBe('cannot reach https://api.example.com:8443: connection refused');
  });

  it('reports an untrusted certificate', () => {
    expect(describeRequestError(fetchFailed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }), base).message).toBe(
      'TLS certificate of https://api.example.com:8443 not accepted (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
  });

  it('reports a timeout without the query string, which may hold a token', () => {
    expect(describeRequestError(new DOMException('aborted', 'TimeoutError'), { ...base, timedOut: true }).message).toBe(
      'no response from https://api.example.com:8443/v1/predict within 30 s',
    );
  });

  it('passes a cancel through as CancelledError', () => {
    expect(describeRequestError(new DOMException('aborted', 'AbortError'), { ...base, cancelled: true })).toBeInstanceOf(CancelledError);
  });

  it('keeps an unknown failure to its first line', () => {
    expect(describeRequestError(fetchFailed({ message: 'weird\nmore' }), base).message).toBe('request to https://api.example.com:8443/v1/predict failed: weird');
  });
});
