import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDataDir } from '../paths';
import { startServer } from '../serve';

/** `dagstudio serve [--port N] [--data-dir D]`: prints one line with the URL and serves until killed. */

const USAGE = 'usage: dagstudio serve [--port N] [--data-dir D]\n  --port N       port on 127.0.0.1 (default 0: a free one)\n  --data-dir D   run history, logs and settings (default: the OS app-data folder)';

interface ServeArgs {
  port: number;
  dataDir: string;
}

function parseArgs(args: string[]): ServeArgs | string {
  let port = 0;
  let dataDir = defaultDataDir();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--port') {
      const text = value();
      const n = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || n > 65535) return `--port: expected a port number 0-65535, got ${text === undefined ? 'nothing' : `"${text}"`}`;
      port = n;
    } else if (flag === '--data-dir') {
      const text = value();
      if (!text) return '--data-dir: expected a folder';
      dataDir = resolve(text);
    } else {
      return `unknown argument "${arg}"`;
    }
  }
  return { port, dataDir };
}

/* The repository (or unpacked app) root: electron/commands/ in a checkout, dist/ in the bundled CLI. */
function appRoot(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/electron/commands') || here.includes('\\electron\\commands') ? resolve(here, '../..') : resolve(here, '..');
}

export async function serveCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`dagstudio serve: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  const root = appRoot();
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  const server = await startServer({
    port: parsed.port,
    dataDir: parsed.dataDir,
    rendererDir: resolve(root, 'dist/renderer'),
    examplesDir: resolve(root, 'examples'),
    version,
  });
  process.stdout.write(`dagstudio is serving on ${server.url} (open it in a browser; Ctrl-C stops)\n`);

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        process.stderr.write(`dagstudio serve: ${signal} again, exiting now\n`);
        process.exit(130);
      }
      stopping = true;
      process.stderr.write(`dagstudio serve: ${signal}: cancelling active runs and closing\n`);
      server.close().then(
        () => done(0),
        (error: unknown) => {
          process.stderr.write(`dagstudio serve: ${error instanceof Error ? error.message : String(error)}\n`);
          done(1);
        },
      );
    };
    // conf's atomic writer (atomically → when-exit) re-raises SIGINT/SIGTERM after its own cleanup, which would cut
    // the graceful close short as a "second" signal. This command owns the two signals; the cleanup still runs on exit.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, stop);
    }
  });
}
