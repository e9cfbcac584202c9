import { stat } from 'node:fs/promises';
import { extname, join, normalize, relative, sep } from 'node:path';

/** Finding and typing the built renderer's files, shared by `dagstudio serve` and Electron's app:// protocol. */

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page's Content-Security-Policy: scripts only from the app itself (no inline script, no eval), styles may be
 * inline (React Flow and CodeMirror position elements with style attributes), connections only back to the host.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connectSources.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface StaticFile {
  file: string;
  type: string;
  size: number;
}

/**
 * The file under `root` for a URL path, or null. Dot-files and anything that normalizes outside `root` are never
 * served; a path without an extension falls back to index.html (the app is one page).
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(root, decoded));
  const rel = relative(root, candidate);
  if (rel.startsWith('..') || rel.split(sep).some((part) => part.startsWith('.'))) return null;
  const target = rel === '' ? join(root, 'index.html') : candidate;
  const found = await fileInfo(target);
  if (found) return found;
  if (extname(decoded) === '') return fileInfo(join(root, 'index.html'));
  return null;
}

async function fileInfo(file: string): Promise<StaticFile | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return { file, type: CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', size: info.size };
  } catch {
    return null;
  }
}
