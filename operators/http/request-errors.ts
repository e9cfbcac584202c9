import { CancelledError } from './cancel';
import { displayUrl } from './http-target';

const CODE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'response body stalled',
};

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|ERR_SSL|EPROTO/;

/** Everything undici hangs under `cause` (sometimes an AggregateError of per-address attempts). */
function causeOf(error: unknown): { code?: string; message?: string } {
  let current: unknown = error;
  let deepestMessage: string | undefined;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const record = current as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') return { code: record.code, message: String(record.message ?? '') };
    if (typeof record.message === 'string' && record.message) deepestMessage = record.message;
    if (Array.isArray(record.errors) && record.errors.length > 0) current = record.errors[0];
    else current = record.cause;
  }
  return { message: deepestMessage };
}

/**
 * One clear line for a request that got no HTTP response: `cannot reach http://127.0.0.1:1234: connection refused`.
 * Cancellation passes through as CancelledError so callers can tell it from a failure.
 */
export function describeRequestError(
  error: unknown,
  context: { url: URL; timeoutS: number; cancelled: boolean; timedOut: boolean; shownAs?: string },
): Error {
  if (context.cancelled || error instanceof CancelledError) return new CancelledError();
  const where = context.shownAs ?? displayUrl(context.url);
  if (context.timedOut) return new Error(`no response from ${where} within ${context.timeoutS} s`);
  const cause = causeOf(error);
  if (cause.code && CODE_REASONS[cause.code]) return new Error(`cannot reach ${context.url.origin}: ${CODE_REASONS[cause.code]}`);
  if (cause.code && TLS_CODES.test(cause.code)) return new Error(`TLS certificate of ${context.url.origin} not accepted (${cause.code})`);
  if (cause.message === 'bad port') return new Error(`cannot reach ${context.url.origin}: port ${context.url.port} is on fetch’s list of unsafe ports`);
  const detail = cause.code ?? cause.message ?? (error instanceof Error ? error.message : String(error));
  return new Error(`request to ${where} failed: ${detail.split('\n')[0]}`);
}
