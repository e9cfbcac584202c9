import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from 'node-pty';
import type { SpawnOptions, SpawnResult } from '../../operators/execute-types';
import { KILL_GRACE_MS, killTree, signalTree } from './kill';
import { LastLineTracker } from './last-line';

export interface PtySpawnOptions extends SpawnOptions {
  onData: (text: string) => void;
  signal: AbortSignal;
  onStart?: (pid: number) => void;
  /** SIGTERM → SIGKILL grace period after an abort (default 3 s). */
  killGraceMs?: number;
}

/* The runner's task identity in the environment: a process that escaped the tree still carries it. */
const MARKER_KEYS = ['DAGSTUDIO_RUN_ID', 'DAGSTUDIO_TASK_ID', 'DAGSTUDIO_TRY_NUMBER'];

function taskMarker(env: Record<string, string>): string[] {
  return MARKER_KEYS.every((k) => env[k] !== undefined) ? MARKER_KEYS.map((k) => `${k}=${env[k]}`) : [];
}

const COLS = 120;
const ROWS = 30;

/**
 * Runs `file args` in a pseudo-terminal, so tasks see a real terminal (colours, progress bars).
 * The child is a session leader, so its pid is its process group id: aborting `signal` sends SIGTERM to
 * the whole group (and, on Linux, the rest of its tree), then SIGKILL after a grace period. Resolves when
 * the process exited and its output was drained; leftovers of the group (background jobs) are then ended
 * too, so a finished task never leaves processes behind. Rejects only when the file cannot be started.
 */
export function spawnInPty(file: string, args: readonly string[], options: PtySpawnOptions): Promise<SpawnResult> {
  if (options.signal.aborted) return Promise.resolve({ exitCode: null, signal: 'SIGTERM', lastLine: '' });
  let inputDir: string | undefined;
  let command = file;
  let argv = [...args];
  if (options.input !== undefined && process.platform !== 'win32') {
    // A pty echoes what is typed into it and limits a line to 4 KB: feed stdin from a file instead.
    inputDir = mkdtempSync(join(tmpdir(), 'dagstudio-stdin-'));
    const inputFile = join(inputDir, 'stdin');
    writeFileSync(inputFile, options.input, { mode: 0o600 });
    command = '/bin/sh';
    argv = ['-c', 'f=$1; shift; exec "$@" < "$f"', 'sh', inputFile, file, ...args];
  }
  const cleanup = () => {
    if (inputDir) rmSync(inputDir, { recursive: true, force: true });
  };

  let term: pty.IPty;
  try {
    term = pty.spawn(command, argv, {
      name: 'xterm-256color',
      cols: COLS,
      rows: ROWS,
      cwd: options.cwd,
      env: options.env,
    });
  } catch (error) {
    cleanup();
    return Promise.reject(new Error(`cannot start ${file}: ${error instanceof Error ? error.message : String(error)}`));
  }

  const pid = term.pid;
  const tracker = new LastLineTracker();
  const marker = taskMarker(options.env);
  return new Promise<SpawnResult>((resolve) => {
    const onAbort = () => void killTree(pid, options.killGraceMs ?? KILL_GRACE_MS, marker);
    term.onData((text) => {
      tracker.push(text);
      options.onData(text);
    });
    term.onExit(({ exitCode, signal }) => {
      options.signal.removeEventListener('abort', onAbort);
      // Background jobs the task left in its group would outlive it otherwise.
      if (process.platform !== 'win32') signalTree(pid, 'SIGKILL', { sweep: options.signal.aborted, marker });
      cleanup();
      resolve(signal ? { exitCode: null, signal, lastLine: tracker.value() } : { exitCode, signal: null, lastLine: tracker.value() });
    });
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (process.platform === 'win32' && options.input !== undefined) term.write(options.input + '\x1a\r\n');
    options.onStart?.(pid);
  });
}
