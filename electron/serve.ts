import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { requestFrameSchema, WS_PATH, type HostEvent } from '../shared/api';
import { accessFor, hostAllowed, newToken, originAllowed, presentedToken, sameToken, setCookieHeader, type Access } from './host/http/access';
import { contentSecurityPolicy, resolveStaticFile } from './host/http/static-files';
import { createHost, type Host } from './host/host';

/**
 * `dagstudio serve`: the app in a browser. Plain node:http serves the built renderer and a WebSocket carries the
 * host API, on 127.0.0.1 only, behind a random per-launch token (see host/http/access.ts).
 */

export interface ServeOptions {
  /** 0 picks a free port. */
  port: number;
  dataDir: string;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  examplesDir: string | null;
  version: string;
  home?: string;
  /** Largest request answered; a bigger one gets a `too-large` error reply. */
  maxMessageBytes?: number;
  batchIntervalMs?: number;
  log?: (line: string) => void;
}

export interface Server {
  url: string;
  port: number;
  token: string;
  host: Host;
  /** Drops every client connection (they reconnect by themselves); for tests of the client's reconnect. */
  disconnectClients(): void;
  /** Cancels active runs, closes every client and the listener. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/* Above this the socket itself refuses the frame (close code 1009) instead of reading it into memory. */
const HARD_LIMIT_FACTOR = 2;
/* A client this far behind gets its log chunks merged until it catches up. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

function notBuiltPage(): string {
  return `<!doctype html><meta charset="utf-8"><title>dagstudio</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>dagstudio: the user interface is not built</h1>
<p>The host is running, but <code>dist/renderer</code> is missing. Run <code>npm run build</code> in the dagstudio folder, then reload this page.</p>`;
}

function unauthorizedPage(): string {
  return `<!doctype html><meta charset="utf-8"><title>dagstudio: access token needed</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>Access token needed</h1>
<p>Open the address that <code>dagstudio serve</code> printed (it ends with <code>?token=…</code>). The token changes every time the host starts.</p>`;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(reason)}\r\n\r\n${reason}`);
}

export async function startServer(options: ServeOptions): Promise<Server> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxMessage = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const token = newToken();
  const host = await createHost({
    kind: 'browser',
    version: options.version,
    dataDir: options.dataDir,
    examplesDir: options.examplesDir,
    ...(options.home ? { home: options.home } : {}),
    ...(options.batchIntervalMs !== undefined ? { batchIntervalMs: options.batchIntervalMs } : {}),
    onInternalError: (error) => log(`dagstudio serve: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });

  let access: Access = accessFor(token, 0);
  let csp = contentSecurityPolicy();

  const sendPage = (res: ServerResponse, status: number, html: string) => {
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(html);
  };

  const handleHttp = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostAllowed(req, access)) {
      res.writeHead(421, { 'Content-Type': 'text/plain' }).end('wrong Host header\n');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${access.hosts[0]}`);
    const given = presentedToken(req, access, url);
    if (!sameToken(given, token)) {
      sendPage(res, 401, unauthorizedPage());
      return;
    }
    if (url.searchParams.has('token')) {
      // Swap the token in the address bar for a cookie, so it is not left in history or shown on screen.
      url.searchParams.delete('token');
      res.writeHead(303, { 'Set-Cookie': setCookieHeader(access), Location: `${url.pathname}${url.search}`, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!existsSync(`${options.rendererDir}/index.html`)) {
      sendPage(res, 503, notBuiltPage());
      return;
    }
    const found = await resolveStaticFile(options.rendererDir, url.pathname);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    const isPage = found.type.startsWith('text/html');
    res.writeHead(200, {
      'Content-Type': found.type,
      'Content-Length': found.size,
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.file).pipe(res);
  };

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      log(`dagstudio serve: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('internal error\n');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessage * HARD_LIMIT_FACTOR });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${access.hosts[0]}`);
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!hostAllowed(req, access)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!originAllowed(req, access)) return refuseUpgrade(socket, 403, 'Forbidden origin');
    if (!sameToken(presentedToken(req, access, url), token)) return refuseUpgrade(socket, 401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    const send = (frame: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const session = host.connect((events: HostEvent[]) => {
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return false;
      send({ events });
      return true;
    });
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (bytes.length > maxMessage) {
        send({ id: null, error: { code: 'too-large', message: `a message of ${bytes.length} bytes is over the limit of ${maxMessage} bytes` } });
        return;
      }
      if (isBinary) {
        send({ id: null, error: { code: 'malformed', message: 'messages must be JSON text' } });
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(bytes.toString('utf8'));
      } catch (error) {
        send({ id: null, error: { code: 'malformed', message: `not JSON: ${error instanceof Error ? error.message : String(error)}` } });
        return;
      }
      const frame = requestFrameSchema.safeParse(raw);
      if (!frame.success) {
        const id = typeof raw === 'object' && raw !== null && 'id' in raw && (typeof raw.id === 'number' || typeof raw.id === 'string') ? raw.id : null;
        send({ id, error: { code: 'malformed', message: 'a request is {"id": number|string, "method": string, "params": object}' } });
        return;
      }
      void session.request(frame.data.method, frame.data.params).then((envelope) => send({ id: frame.data.id, ...envelope }));
    });
    ws.on('close', () => session.close());
    ws.on('error', (error) => log(`dagstudio serve: a client connection failed: ${error.message}`));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: NodeJS.ErrnoException) => {
    await host.close();
    throw error.code === 'EADDRINUSE' ? new Error(`port ${options.port} is in use; choose another with --port (0 picks a free one)`) : error;
  });

  const port = (server.address() as AddressInfo).port;
  access = accessFor(token, port);
  csp = contentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    host,
    disconnectClients() {
      for (const client of wss.clients) client.terminate();
    },
    close() {
      closing ??= (async () => {
        await host.close();
        for (const client of wss.clients) client.close(1001, 'dagstudio is shutting down');
        wss.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
