import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Starts the real `dagstudio serve` as a child process (as a user would), on a free port, with a data folder and a
 * home folder of its own, and reads the one line it prints. Used by the Playwright fixture, the serve tests and benches.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServeProcess {
  /** The URL to open, with the access token: http://127.0.0.1:PORT/?token=… */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** The host's data folder (run history, logs, settings). */
  dataDir: string;
  /** The host's home folder ($HOME), an allowed folder: save pipelines under it. */
  home: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM (the host cancels its runs and closes), SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export interface ServeOptions {
  dataDir?: string;
  home?: string;
  /** Extra arguments for `dagstudio serve`. */
  args?: string[];
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/;

export async function startServe(options: ServeOptions = {}): Promise<ServeProcess> {
  const scratch = mkdtempSync(join(tmpdir(), 'dagstudio-serve-'));
  const dataDir = options.dataDir ?? join(scratch, 'data');
  const home = options.home ?? join(scratch, 'home');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(home, { recursive: true });
  const child = spawn(process.execPath, ['bin/dagstudio.js', 'serve', '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOME: home, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const found = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dagstudio serve printed no URL within ${options.startTimeoutMs ?? 60_000} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.startTimeoutMs ?? 60_000);
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
      const match = URL_LINE.exec(stdout);
      if (match && stdout.includes('\n')) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`dagstudio serve exited (${code}) before printing its URL\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });

  const port = Number(found[2]);
  return {
    url: found[1]!,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: found[3]!,
    dataDir,
    home,
    child,
    stderr: () => stderr,
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        const code = await exited;
        clearTimeout(timer);
        rmSync(scratch, { recursive: true, force: true });
        return code;
      }
      rmSync(scratch, { recursive: true, force: true });
      return child.exitCode;
    },
  };
}
