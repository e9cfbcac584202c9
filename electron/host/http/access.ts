import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may use `dagstudio serve`: whoever holds this launch's random token. The printed URL carries it once; the
 * page swaps it for an HttpOnly, SameSite=Strict cookie (named per port, since cookies ignore ports) and every
 * later request — page, assets, WebSocket handshake — must show it. Host and Origin are checked too, so another
 * web site (or a DNS-rebinding name for 127.0.0.1) cannot drive the host from a user's browser.
 */

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface Access {
  token: string;
  cookieName: string;
  /** "127.0.0.1:PORT" and "localhost:PORT". */
  hosts: string[];
  origins: string[];
}

export function accessFor(token: string, port: number): Access {
  return {
    token,
    cookieName: `dagstudio_${port}`,
    hosts: [`127.0.0.1:${port}`, `localhost:${port}`],
    origins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
  };
}

export function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function setCookieHeader(access: Access): string {
  return `${access.cookieName}=${access.token}; HttpOnly; SameSite=Strict; Path=/`;
}

export function hostAllowed(req: IncomingMessage, access: Access): boolean {
  return typeof req.headers.host === 'string' && access.hosts.includes(req.headers.host.toLowerCase());
}

/** Browsers always send Origin on a WebSocket handshake; a client without one (a script) still needs the token. */
export function originAllowed(req: IncomingMessage, access: Access): boolean {
  const origin = req.headers.origin;
  return origin === undefined || access.origins.includes(origin);
}

/** The token shown by a request: the cookie, or `?token=` (the first page load, and non-browser clients). */
export function presentedToken(req: IncomingMessage, access: Access, url: URL): string | null {
  return url.searchParams.get('token') ?? cookieValue(req, access.cookieName);
}
