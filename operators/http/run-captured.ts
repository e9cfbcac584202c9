import { execFile, spawn } from 'node:child_process';

export interface CapturedRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The command does not exist (not on PATH). */
  missing: boolean;
  timedOut: boolean;
}

/**
 * Runs a short probe (`docker version`, `kubectl get --raw /version`) whose output we need to read rather than
 * stream to the log. Cancelling the task kills it; it never throws for a failing command.
 */
export function runCaptured(
  file: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; signal: AbortSignal; timeoutMs: number },
): Promise<CapturedRun> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      { env: options.env, cwd: options.cwd, signal: options.signal, timeout: options.timeoutMs, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        const code = (error as NodeJS.ErrnoException | null)?.code;
        resolve({
          exitCode: error ? (typeof code === 'number' ? code : null) : 0,
          stdout: String(stdout),
          stderr: String(stderr),
          missing: code === 'ENOENT',
          timedOut: Boolean(error && (error as { killed?: boolean }).killed && !options.signal.aborted),
        });
      },
    );
  });
}

export interface StreamedRun {
  exitCode: number | null;
  signal: string | null;
  /** The tail of what the command printed (stdout and stderr, in arrival order), to pick an error line from. */
  output: string;
  missing: boolean;
}

const KEPT_OUTPUT = 64 * 1024;
const KILL_GRACE_MS = 5_000;

/**
 * Runs a command whose output is plain lines (kubectl): each chunk goes to the log as it arrives and the tail is
 * kept, so a failure can be summed up by the command's own `error:` line, which a pty's last line does not give.
 * A cancel sends SIGTERM, then SIGKILL after a grace period.
 */
export function runStreamed(
  file: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; signal: AbortSignal; log: (text: string) => void },
): Promise<StreamedRun> {
  return new Promise((resolve) => {
    let output = '';
    let killTimer: NodeJS.Timeout | undefined;
    const child = spawn(file, [...args], { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      options.log(text);
      output = (output + text).slice(-KEPT_OUTPUT);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const onAbort = () => {
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    if (options.signal.aborted) onAbort();
    let missing = false;
    child.on('error', (error: NodeJS.ErrnoException) => {
      missing = error.code === 'ENOENT';
    });
    child.on('close', (code, signal) => {
      clearTimeout(killTimer);
      options.signal.removeEventListener('abort', onAbort);
      resolve({ exitCode: code, signal, output, missing });
    });
  });
}
