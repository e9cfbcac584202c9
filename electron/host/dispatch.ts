import { z } from 'zod';
import { HostError, isMethod, REQUESTS, type HostErrorInfo, type Method, type ParsedRequestOf, type ReplyEnvelope, type ReplyOf } from '../../shared/api';
import { plainEnglish } from '../../shared/pipeline';
import { formatPath } from '../../shared/problems';

/**
 * Turns one incoming request into one reply envelope: the method must exist, the payload must match its schema,
 * the handler's reply is checked against (and trimmed to) the reply schema, and any failure becomes an error
 * reply with a code and a readable message — never a crash, never a stack trace to the client.
 */

export type Handler<M extends Method, C> = (request: ParsedRequestOf<M>, ctx: C) => Promise<ReplyOf<M>> | ReplyOf<M>;
export type Handlers<C> = { [M in Method]: Handler<M, C> };

const MAX_PROBLEMS_IN_MESSAGE = 5;

function describeIssues(method: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_PROBLEMS_IN_MESSAGE).map((issue) => {
    const where = formatPath(issue.path as PropertyKey[]);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length > MAX_PROBLEMS_IN_MESSAGE ? ` (and ${error.issues.length - MAX_PROBLEMS_IN_MESSAGE} more)` : '';
  return `${method}: ${lines.join('; ')}${more}`;
}

/** The error reply for anything a handler threw: HostErrors keep their code, file errors get a plain one. */
export function errorInfo(error: unknown, method: string): HostErrorInfo {
  if (error instanceof HostError) return { code: error.code, message: error.message };
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno.code === 'string' && typeof errno.syscall === 'string') {
    const where = errno.path ? `${errno.path}: ` : '';
    if (errno.code === 'ENOENT') return { code: 'not-found', message: `${where}no such file or folder` };
    if (errno.code === 'EACCES' || errno.code === 'EPERM') return { code: 'io', message: `${where}permission denied` };
    if (errno.code === 'EISDIR') return { code: 'io', message: `${where}is a folder, not a file` };
    return { code: 'io', message: `${where}${errno.code}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `${method} failed: ${message}` };
}

export async function dispatch<C>(handlers: Handlers<C>, ctx: C, method: unknown, params: unknown, onInternal?: (error: unknown) => void): Promise<ReplyEnvelope> {
  if (typeof method !== 'string' || !isMethod(method)) {
    return { error: { code: 'unknown-method', message: `unknown method "${String(method).slice(0, 100)}"` } };
  }
  const spec = REQUESTS[method];
  const parsed = spec.request.safeParse(params ?? {}, { error: plainEnglish });
  if (!parsed.success) return { error: { code: 'bad-request', message: describeIssues(method, parsed.error) } };
  try {
    const handler = handlers[method] as Handler<Method, C>;
    const result = await handler(parsed.data as never, ctx);
    const reply = spec.reply.safeParse(result);
    if (!reply.success) {
      onInternal?.(new Error(describeIssues(`${method} reply`, reply.error)));
      return { error: { code: 'internal', message: `${method}: the host built a reply that breaks the API contract` } };
    }
    return { result: reply.data };
  } catch (error) {
    const info = errorInfo(error, method);
    if (info.code === 'internal') onInternal?.(error);
    return { error: info };
  }
}
