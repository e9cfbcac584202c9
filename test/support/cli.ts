import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root: where `bin/dagstudio.js` is, and the folder relative paths given to the CLI start from. */
export const CLI_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Written to the CLI's stdin, which is then closed; without it the CLI has no stdin (as under a scheduler). */
  stdin?: string;
  /** Called with all of stderr so far whenever more arrives, and a way to signal the CLI (e.g. Ctrl-C once a task has started). */
  onStderr?: (stderr: string, kill: (signal: NodeJS.Signals) => void) => void;
}

/** `dagstudio ARGS…` as a user runs it: the real bin script in a child process, from the repository's root. */
export function dagstudio(args: string[], options: CliOptions = {}): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/dagstudio.js', ...args], { cwd: CLI_ROOT, stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      options.onStderr?.(stderr, (signal) => child.kill(signal));
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin!.end(options.stdin);
  });
}
