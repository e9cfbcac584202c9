import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { SpawnOptions, SpawnResult } from '../../operators/execute-types';
import { KILL_GRACE_MS, killTree, signalTree } from './kill';
import { LastLineTracker } from './last-line';
import { ptyHost, type HostSpawnHandlers, type HostSpawnRequest } from './pty-host';
import { startTerminal } from './pty-terminal.mjs';

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
 * Runs `file args` in a pseudo-terminal, so tasks see a real terminal (colours, progress bars). The
 * terminal is started by the pty host (a small helper process, see pty-host.ts) when it can run, else in
 * this process. The child is a session leader, so its pid is its process group id: aborting `signal`
 * sends SIGTERM to the whole group (and, on Linux, the rest of its tree and any process still carrying
 * the task's DAGSTUDIO_* identity), then SIGKILL after a grace period. Resolves when the process exited
 * and its output was drained; leftovers of the group (background jobs) are ended when it exits (by the
 * terminal, pty-terminal.mjs), so a finished task never leaves processes behind. Rejects only when the
 * file cannot be started.
 */
export function spawnInPty(file: string, args: readonly string[], options: PtySpawnOptions): Promise<SpawnResult> {
  if (options.signal.aborted) return Promise.resolve({ exitCode: null, signal: 'SIGTERM', lastLine: '' });
  let inputDir: string | undefined;
  let command = file;
  let argv = [...args];
  if (options.input !== undefined) {
    if (process.platform === 'win32') return Promise.reject(new Error(`cannot start ${file}: standard input for a task is not supported on Windows yet`));
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
  const request: HostSpawnRequest = { file: command, args: argv, cwd: options.cwd, env: options.env, cols: COLS, rows: ROWS, name: 'xterm-256color' };
  const tracker = new LastLineTracker();
  const decoder = new StringDecoder('utf8');
  const marker = taskMarker(options.env);
  const grace = options.killGraceMs ?? KILL_GRACE_MS;

  return new Promise<SpawnResult>((resolve, reject) => {
    let pid: number | null = null;
    const onAbort = () => {
      if (pid !== null) void killTree(pid, grace, marker);
    };
    const emit = (text: string) => {
      if (text === '') return;
      tracker.push(text);
      options.onData(text);
    };
    const handlers: HostSpawnHandlers = {
      onStart: (started) => {
        pid = started;
        options.onStart?.(started);
        // Aborted while the terminal was being started.
        if (options.signal.aborted) onAbort();
      },
      onFail: (message) => {
        options.signal.removeEventListener('abort', onAbort);
        cleanup();
        reject(new Error(`cannot start ${file}: ${message}`));
      },
      onData: (bytes) => emit(decoder.write(bytes)),
      onExit: (exitCode, signal) => {
        emit(decoder.end());
        options.signal.removeEventListener('abort', onAbort);
        // The terminal already ended what was left of the group; after a cancel or timeout, also whatever
        // escaped it (its own session) but still carries the task's identity.
        if (pid !== null && options.signal.aborted && process.platform !== 'win32') signalTree(pid, 'SIGKILL', { sweep: true, marker });
        cleanup();
        resolve(signal ? { exitCode: null, signal, lastLine: tracker.value() } : { exitCode, signal: null, lastLine: tracker.value() });
      },
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    const host = ptyHost();
    if (host) host.spawn(request, handlers);
    else spawnHere(request, handlers);
  });
}

/** Starts the terminal in this process (where the pty host cannot run). */
function spawnHere(request: HostSpawnRequest, handlers: HostSpawnHandlers): void {
  let pid: number;
  try {
    pid = startTerminal(request, { onData: handlers.onData, onExit: handlers.onExit });
  } catch (error) {
    handlers.onFail(error instanceof Error ? error.message : String(error));
    return;
  }
  handlers.onStart(pid);
}
