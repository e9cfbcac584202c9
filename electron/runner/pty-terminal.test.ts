import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTerminal } from './pty-terminal.mjs';

interface Ended {
  output: Buffer;
  exitCode: number;
  signal: number | null;
}

function run(file: string, args: string[], env: Record<string, string> = {}): { pid: number; ended: Promise<Ended> } {
  const parts: Buffer[] = [];
  let pid = 0;
  const ended = new Promise<Ended>((resolve) => {
    pid = startTerminal(
      { file, args, cwd: process.cwd(), env: { ...(process.env as Record<string, string>), ...env }, cols: 120, rows: 30, name: 'xterm-256color' },
      {
        onData: (data: Buffer) => parts.push(data),
        onExit: (exitCode: number, signal: number | null) => resolve({ output: Buffer.concat(parts), exitCode, signal }),
      },
    );
  });
  return { pid, ended };
}

/* Gone or a zombie (killed, not yet reaped by whoever adopted it). */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('a task terminal', () => {
  it('delivers every byte a fast process prints just before it exits, every time', async () => {
    // A burst bigger than the terminal's buffers, then an immediate exit: the tail is what gets lost without a drain.
    const script = 'head -c 300000 /dev/zero | tr "\\0" x; printf "\\nEND\\n"';
    const runs = await Promise.all(Array.from({ length: 24 }, () => run('bash', ['-c', script]).ended));
    for (const r of runs) {
      expect(r.exitCode).toBe(0);
      const text = r.output.toString('latin1');
      expect(text.length).toBe(300000 + '\r\nEND\r\n'.length);
      expect(text.endsWith('x\r\nEND\r\n')).toBe(true);
    }
  });

  it('is a real terminal: the child sees a tty of the requested size and TERM, as leader of its own process group', async () => {
    const { pid, ended } = run('bash', ['-c', '[ -t 0 ] && [ -t 1 ] && echo tty; stty size; echo "$TERM"; ps -o pgid= -p $$']);
    const r = await ended;
    const lines = r.output.toString().split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['tty', '30 120', 'xterm-256color']);
    expect(Number(lines[3]!.trim())).toBe(pid);
  });

  it('reports the exit code, and the signal of a process killed by one', async () => {
    expect((await run('bash', ['-c', 'exit 7']).ended).exitCode).toBe(7);
    const killed = await run('bash', ['-c', 'kill -TERM $$']).ended;
    expect(killed.signal).toBe(15);
  });

  it.runIf(process.platform === 'linux')('ends what is left of the group when the leader exits, so no background job outlives its task', async () => {
    const { ended } = run('bash', ['-c', 'sleep 30 & echo $!']);
    const r = await ended;
    const child = Number(r.output.toString().trim());
    expect(child).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(child)).toBe(false);
  });

  it('refuses to start in a folder that does not exist, saying so', () => {
    expect(() =>
      startTerminal({ file: 'bash', args: ['-c', 'true'], cwd: '/nonexistent/dagstudio', env: process.env as Record<string, string>, cols: 80, rows: 24, name: 'xterm' }, { onData: () => {}, onExit: () => {} }),
    ).toThrow(/working directory \/nonexistent\/dagstudio does not exist/);
  });
});
