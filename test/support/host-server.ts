import { mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type Server } from '../../electron/serve';
import { connectClient, type TestClient } from '../e2e/support/host-client';

/** The browser host running in the test's process, with a WebSocket client connected to it as the renderer is. */
export interface TestHost {
  /** A fresh folder (real path) holding the host's home/ and data/. */
  scratch: string;
  home: string;
  dataDir: string;
  server: Server;
  client: TestClient;
  /** Closes the client and the host, then removes the scratch folder. */
  close(): Promise<void>;
}

/**
 * Starts the host on a free port of 127.0.0.1 with no renderer to serve (the API is what is tested), `home` as its
 * allowed folder, and connects a client. `name` prefixes the scratch folder, so a leftover says which test made it.
 */
export async function startTestHost(name: string, options: { version?: string; examplesDir?: string | null } = {}): Promise<TestHost> {
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), `${name}-`)));
  const home = join(scratch, 'home');
  const dataDir = join(scratch, 'data');
  mkdirSync(home, { recursive: true });
  const remove = () => rmSync(scratch, { recursive: true, force: true });
  let server: Server;
  try {
    server = await startServer({ port: 0, dataDir, rendererDir: join(scratch, 'no-renderer'), examplesDir: options.examplesDir ?? null, version: options.version ?? 'test', home });
  } catch (error) {
    remove();
    throw error;
  }
  let client: TestClient;
  try {
    client = await connectClient(`http://127.0.0.1:${server.port}`, server.token);
  } catch (error) {
    await server.close();
    remove();
    throw error;
  }
  return {
    scratch,
    home,
    dataDir,
    server,
    client,
    async close() {
      client.close();
      await server.close();
      remove();
    },
  };
}
