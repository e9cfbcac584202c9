import { readdirSync, readFileSync } from 'node:fs';

/**
 * The machine's process table read from /proc (Linux), for tests that must prove no process was left
 * behind. A test marks its processes through their environment (DAGSTUDIO_RUN_ID, set by the runner for
 * every task) or a word in their command line, and looks for survivors. Zombies are not counted: they are
 * dead and only wait for their parent to reap them.
 */

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
  state: string;
  cmdline: string;
}

export function processTableAvailable(): boolean {
  try {
    readdirSync('/proc');
    return process.platform === 'linux';
  } catch {
    return false;
  }
}

export function listProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProcess(Number(name));
    if (info && info.state !== 'Z') out.push(info);
  }
  return out;
}

function readProcess(pid: number): ProcessInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
    return {
      pid,
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      session: Number(fields[3]),
      state: fields[0] as string,
      cmdline,
    };
  } catch {
    return null;
  }
}

function environOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1');
  } catch {
    return null;
  }
}

/** Live processes whose environment has NAME=VALUE exactly (e.g. DAGSTUDIO_RUN_ID=<run id>). */
export function processesWithEnv(name: string, value: string): ProcessInfo[] {
  const needle = `\0${name}=${value}\0`;
  return listProcesses().filter((p) => p.pid !== process.pid && `\0${environOf(p.pid) ?? ''}\0`.includes(needle));
}

/** Live processes whose command line contains `text`. */
export function processesMatching(text: string): ProcessInfo[] {
  return listProcesses().filter((p) => p.pid !== process.pid && p.cmdline.includes(text));
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (then returns the last value). */
export async function waitUntil<T>(check: () => T, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value || Date.now() >= deadline) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
