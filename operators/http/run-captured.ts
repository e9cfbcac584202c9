import { execFile } from 'node:child_process';

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
