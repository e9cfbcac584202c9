import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A request as the test server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

export interface TestHttpServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Replaces the handler for the requests still to come. */
  handle: (handler: Handler) => void;
  close: () => Promise<void>;
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

/**
 * A real HTTP server on 127.0.0.1 (a free port, or a Unix socket like the Docker daemon's) that records every request it receives, method, headers and body
 * included, and answers with the test's handler (200 `{"ok":true}` until told otherwise).
 */
export async function startHttpServer(handler?: Handler, options: { port?: number; socketPath?: string } = {}): Promise<TestHttpServer> {
  let current: Handler = handler ?? ((_request, response) => sendJson(response, 200, { ok: true }));
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      requests.push(recorded);
      Promise.resolve(current(recorded, res)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  if (options.socketPath) await new Promise<void>((resolve) => server.listen(options.socketPath, resolve));
  else await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = options.socketPath ? 0 : (server.address() as AddressInfo).port;
  return {
    url: options.socketPath ? `unix://${options.socketPath}` : `http://127.0.0.1:${port}`,
    port,
    requests,
    handle: (next) => {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Whether a command exists on PATH (tests of real CLIs skip, and say so, where one is not installed). */
export function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, command)));
}
