import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServe, type ServeProcess } from '../e2e/support/serve-process';

/**
 * `dagstudio serve` as a user starts it (the real command, a child process): who may connect, what it refuses,
 * and that it stays up and answers a good request after each refusal.
 */

let serve: ServeProcess;

interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(path: string, headers: Record<string, string> = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: serve.port, path, headers: { Host: `127.0.0.1:${serve.port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket; resolves with it when open, or with the HTTP status that refused the handshake. */
function openSocket(query: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

class Conversation {
  private replies: unknown[] = [];
  private waiting: Array<(v: unknown) => void> = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as { events?: unknown };
      if (frame.events) return;
      const w = this.waiting.shift();
      if (w) w(frame);
      else this.replies.push(frame);
    });
  }
  next(): Promise<unknown> {
    const ready = this.replies.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  async send(raw: string | Buffer): Promise<unknown> {
    this.ws.send(raw);
    return this.next();
  }
  call(id: number, method: string, params: unknown = {}) {
    return this.send(JSON.stringify({ id, method, params }));
  }
}

let talk: Conversation;
const stillUp = async (id: number) => expect(await talk.call(id, 'app.info')).toMatchObject({ id, result: { kind: 'browser' } });

beforeAll(async () => {
  serve = await startServe();
  const ws = await openSocket(`?token=${serve.token}`);
  if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
  talk = new Conversation(ws);
});

afterAll(async () => {
  talk?.ws.close();
  if (serve) {
    const code = await serve.stop();
    expect(code, serve.stderr()).toBe(0);
  }
});

describe('dagstudio serve: access', () => {
  it('printed exactly one line: the URL with its token, on 127.0.0.1', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('listens on the loopback address only', () => {
    if (!existsSync('/proc/net/tcp')) return;
    const port = serve.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${port}`) && cols[3] === '0A');
    expect(listening.map((cols) => cols[1])).toEqual([`0100007F:${port}`]);
    const six = existsSync('/proc/net/tcp6') ? readFileSync('/proc/net/tcp6', 'utf8') : '';
    expect(six).not.toMatch(new RegExp(`:${port} [0-9A-F:]+ 0A`));
  });

  it('refuses pages without the token or with a wrong one', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/index.html')).status).toBe(401);
    expect((await get('/', { Cookie: `dagstudio_${serve.port}=wrong` })).status).toBe(401);
  });

  it('trades the token in the URL for an HttpOnly, SameSite=Strict cookie, then serves with the cookie alone', async () => {
    const first = await get(`/?token=${serve.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^dagstudio_${serve.port}=${serve.token}; HttpOnly; SameSite=Strict; Path=/`));
    const page = await get('/', { Cookie: `dagstudio_${serve.port}=${serve.token}` });
    // 200 with the built renderer, 503 with the "run npm run build" page when it is not built.
    expect([200, 503]).toContain(page.status);
    if (page.status === 503) expect(page.body).toContain('npm run build');
    else expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
  });

  it('refuses a request for another Host name (DNS rebinding)', async () => {
    expect((await get(`/?token=${serve.token}`, { Host: `evil.example:${serve.port}` })).status).toBe(421);
  });

  it('refuses a WebSocket without the token, with a wrong one, or from a foreign Origin', async () => {
    expect(await openSocket('')).toBe(401);
    expect(await openSocket('?token=wrong')).toBe(401);
    expect(await openSocket('', { Cookie: `dagstudio_${serve.port}=nope` })).toBe(401);
    expect(await openSocket(`?token=${serve.token}`, { Origin: 'https://evil.example' })).toBe(403);
    expect(await openSocket(`?token=${serve.token}`, { Origin: `http://127.0.0.1:${serve.port + 1}` })).toBe(403);
    const same = await openSocket('', { Cookie: `dagstudio_${serve.port}=${serve.token}`, Origin: `http://127.0.0.1:${serve.port}` });
    expect(same).toBeInstanceOf(WebSocket);
    (same as WebSocket).close();
    await stillUp(1);
  });
});

describe('dagstudio serve: bad messages', () => {
  it('answers malformed JSON with an error reply and stays up', async () => {
    expect(await talk.send('{"id": 1, "method": ')).toMatchObject({ id: null, error: { code: 'malformed', message: expect.stringMatching(/not JSON/) } });
    expect(await talk.send('[1,2,3]')).toMatchObject({ id: null, error: { code: 'malformed' } });
    expect(await talk.send(JSON.stringify({ id: 7, params: {} }))).toMatchObject({ id: 7, error: { code: 'malformed' } });
    expect(await talk.send(Buffer.from([0xff, 0x00]))).toMatchObject({ id: null, error: { code: 'malformed' } });
    await stillUp(2);
  });

  it('answers an oversized message with an error reply and stays up', async () => {
    const huge = JSON.stringify({ id: 3, method: 'pipelines.importJson', params: { text: 'x'.repeat(33 * 1024 * 1024), file_name: 'a.json' } });
    expect(await talk.send(huge)).toMatchObject({ id: null, error: { code: 'too-large', message: expect.stringMatching(/over the limit/) } });
    await stillUp(4);
  });

  it('answers an unknown method or a payload that breaks its schema with an error naming it', async () => {
    expect(await talk.call(5, 'system.exec', { cmd: 'id' })).toMatchObject({ id: 5, error: { code: 'unknown-method' } });
    expect(await talk.call(6, 'runs.get', { run_id: 42 })).toMatchObject({ id: 6, error: { code: 'bad-request', message: expect.stringMatching(/run_id/) } });
    expect(await talk.call(7, 'pipelines.open', 'not an object')).toMatchObject({ id: 7, error: { code: 'bad-request' } });
    await stillUp(8);
  });
});

describe('dagstudio serve: files outside the allowed folders', () => {
  const pipeline = { format: 'dagstudio/pipeline', version: 1, id: 'p', tasks: [] };

  it('refuses to open or save outside them, however the path is written', async () => {
    const outside = ['/etc/passwd', '/etc/dagstudio.dag.json', `${serve.home}/../../../etc/passwd`, `${serve.home}/../outside.dag.json`, 'relative/x.dag.json'];
    let id = 100;
    for (const path of outside) {
      const opened = (await talk.call(id++, 'pipelines.open', { path })) as { error?: { code: string } };
      expect(opened.error?.code, path).toMatch(/forbidden-path|bad-request/);
      const saved = (await talk.call(id++, 'pipelines.save', { path, pipeline })) as { error?: { code: string } };
      expect(saved.error?.code, path).toMatch(/forbidden-path|bad-request/);
    }
    expect(await talk.call(id++, 'pipelines.open', { path: '/etc/passwd' })).toMatchObject({ error: { code: 'forbidden-path', message: expect.stringMatching(/outside the allowed folders/) } });
    expect(existsSync('/etc/dagstudio.dag.json')).toBe(false);
    await stillUp(id);
  });

  it('refuses a symbolic link in the home folder that leads outside it', async () => {
    const link = join(serve.home, 'innocent.dag.json');
    symlinkSync('/etc/hostname', link);
    mkdirSync(join(serve.home, 'sub'), { recursive: true });
    symlinkSync('/etc', join(serve.home, 'sub', 'etc'));
    expect(await talk.call(200, 'pipelines.open', { path: link })).toMatchObject({ error: { code: 'forbidden-path', message: expect.stringMatching(/leads to/) } });
    expect(await talk.call(201, 'pipelines.save', { path: join(serve.home, 'sub', 'etc', 'x.dag.json'), pipeline })).toMatchObject({ error: { code: 'forbidden-path' } });
    expect(await talk.call(202, 'runs.start', { path: link })).toMatchObject({ error: { code: 'forbidden-path' } });
    await stillUp(203);
  });

  it('still opens and saves inside the home folder', async () => {
    const path = join(serve.home, 'mine.dag.json');
    expect(await talk.call(300, 'pipelines.save', { path, pipeline })).toMatchObject({ id: 300, result: { path } });
    writeFileSync(join(serve.home, 'other.dag.json'), readFileSync(path));
    expect(await talk.call(301, 'pipelines.open', { path: join(serve.home, 'other.dag.json') })).toMatchObject({ result: { pipeline: { id: 'p' } } });
  });
});
