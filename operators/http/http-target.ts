import type { HttpConnection } from '../../shared/settings';

/** Where a request goes and with which headers, once an `http` connection (if any) is applied. */
export interface HttpTarget {
  url: URL;
  headers: Record<string, string>;
  /** How the request authenticates, for the log (never the credentials themselves). */
  auth: 'basic' | 'bearer' | 'header' | null;
}

/**
 * Airflow's rule for HttpOperator endpoints: the path is appended to the connection's base URL (so a base of
 * `http://h/api` and a path `/predict` give `http://h/api/predict`, not URL resolution's `http://h/predict`).
 */
export function joinUrl(base: string, path: string): string {
  const trimmedPath = path.trim();
  if (trimmedPath === '') return base;
  const left = base.replace(/\/+$/, '');
  if (/^[?#]/.test(trimmedPath)) return left + trimmedPath;
  return `${left}/${trimmedPath.replace(/^\/+/, '')}`;
}

/** A URL as the log shows it: no credentials and no query string (either may carry a token). */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
}

function parseHttpUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${what} "${text}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${what} "${text}" must be an http:// or https:// URL`);
  return url;
}

/** Later entries win, whatever the case of the header name (HTTP header names are case-insensitive). */
function mergeHeaders(...sets: Array<Record<string, string> | undefined>): Record<string, string> {
  const byLower = new Map<string, [string, string]>();
  for (const set of sets) for (const [name, value] of Object.entries(set ?? {})) byLower.set(name.toLowerCase(), [name, value]);
  return Object.fromEntries(byLower.values());
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
}

export function resolveHttpTarget(input: { url: string; headers?: Record<string, string>; connection?: HttpConnection }): HttpTarget {
  const { connection } = input;
  const isAbsolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(input.url.trim());
  let url: URL;
  if (connection) {
    const base = parseHttpUrl(connection.base_url, `base URL of connection "${connection.name}",`);
    url = isAbsolute ? parseHttpUrl(input.url.trim(), 'url') : parseHttpUrl(joinUrl(connection.base_url, input.url), 'url');
    /* The connection's credentials are meant for its own server: never send them to another origin. */
    if (url.origin !== base.origin) {
      throw new Error(`url ${displayUrl(url)} is not under the base URL ${displayUrl(base)} of connection "${connection.name}"`);
    }
  } else {
    if (!isAbsolute) throw new Error(`url "${input.url}" must start with http:// or https:// (or name a connection whose base URL it extends)`);
    url = parseHttpUrl(input.url.trim(), 'url');
  }

  let headers = mergeHeaders(connection?.headers, input.headers);
  let auth: HttpTarget['auth'] = hasHeader(headers, 'authorization') ? 'header' : null;
  if (url.username || url.password) {
    /* fetch refuses URLs with credentials; send them the way browsers do. */
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    url.username = '';
    url.password = '';
    if (!auth) {
      headers = mergeHeaders(headers, { Authorization: basic(user, password) });
      auth = 'basic';
    }
  }
  if (!auth && connection?.token) {
    headers = mergeHeaders(headers, { Authorization: `Bearer ${connection.token}` });
    auth = 'bearer';
  } else if (!auth && connection?.login) {
    headers = mergeHeaders(headers, { Authorization: basic(connection.login, connection.password ?? '') });
    auth = 'basic';
  }
  return { url, headers, auth };
}
