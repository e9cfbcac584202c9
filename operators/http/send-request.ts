import { CancelledError } from './cancel';
import type { HttpTarget } from './http-target';
import { describeRequestError } from './request-errors';

/* A task's return value lands in run history and templates: a larger body is cut here, not loaded whole. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpResponseText {
  status: number;
  statusText: string;
  contentType: string;
  text: string;
  /** Bytes read (at most MAX_BODY_BYTES + a chunk). */
  bytes: number;
  truncated: boolean;
}

export interface SendOptions {
  method: string;
  target: HttpTarget;
  /** Text is sent as is; any other JSON value as JSON. */
  body?: unknown;
  timeoutS: number;
  signal: AbortSignal;
  maxBytes?: number;
  /** How errors name the URL; a webhook's path is its secret, so it passes its origin. */
  shownAs?: string;
}

function encodeBody(body: unknown, headers: Record<string, string>): { data: string | undefined; headers: Record<string, string> } {
  if (body === undefined || body === null || body === '') return { data: undefined, headers };
  const hasType = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
  if (typeof body === 'string') return { data: body, headers: hasType ? headers : { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } };
  return { data: JSON.stringify(body), headers: hasType ? headers : { ...headers, 'Content-Type': 'application/json' } };
}

async function readBounded(response: Response, maxBytes: number, signal: AbortSignal): Promise<{ text: string; bytes: number; truncated: boolean }> {
  if (!response.body) return { text: '', bytes: 0, truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  let truncated = false;
  for (;;) {
    if (signal.aborted) {
      await reader.cancel().catch(() => undefined);
      throw new CancelledError();
    }
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  const text = Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8');
  return { text, bytes, truncated };
}

/** Sends one request with a timeout and the task's cancel signal; errors are single clear lines. */
export async function sendRequest(options: SendOptions): Promise<HttpResponseText> {
  const { target } = options;
  const timeout = AbortSignal.timeout(Math.round(options.timeoutS * 1000));
  const signal = AbortSignal.any([options.signal, timeout]);
  const { data, headers } = encodeBody(options.body, target.headers);
  try {
    const response = await fetch(target.url, { method: options.method, headers, body: data, signal, redirect: 'follow' });
    const read = await readBounded(response, options.maxBytes ?? MAX_BODY_BYTES, signal);
    return {
      status: response.status,
      statusText: response.statusText,
      contentType: response.headers.get('content-type') ?? '',
      ...read,
    };
  } catch (error) {
    throw describeRequestError(error, {
      url: target.url,
      timeoutS: options.timeoutS,
      cancelled: options.signal.aborted,
      timedOut: timeout.aborted,
      shownAs: options.shownAs,
    });
  }
}

/** Whether `status` is what the config expects (one code, a list, or any 2xx when unset). */
export function statusMatches(expected: number | readonly number[] | undefined, status: number): boolean {
  if (expected === undefined) return status >= 200 && status < 300;
  return Array.isArray(expected) ? expected.includes(status) : expected === status;
}

export function describeExpected(expected: number | readonly number[] | undefined): string {
  if (expected === undefined) return '2xx';
  return Array.isArray(expected) ? expected.join(' or ') : String(expected);
}

/** The start of a body for an error line: whitespace folded, at most `max` characters. */
export function bodyPreview(text: string, max = 200): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > max ? `${folded.slice(0, max)}…` : folded;
}

export function isJsonType(contentType: string): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}

/** The XCom value of a response: parsed JSON when it says it is JSON (and is whole), else the text. */
export function responseValue(response: HttpResponseText): unknown {
  if (response.text === '') return null;
  if (isJsonType(response.contentType) && !response.truncated) {
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      return response.text;
    }
  }
  return response.text;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
