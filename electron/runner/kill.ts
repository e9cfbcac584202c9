import { readdirSync, readFileSync } from 'node:fs';

/**
 * Ending a task's whole process tree. A task runs as the leader of its own session and process group
 * (a pty child calls setsid), so its pid is its pgid and its sid. Signalling the group reaches everything
 * that did not move away; on Linux we also sweep /proc for processes of the same session or below the
 * leader, which catches children that put themselves in another group (job control, `setpgid`).
 */

export const KILL_GRACE_MS = 3000;

interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
}

/** All processes of the machine from /proc (Linux), or null where /proc does not exist. */
export function readProcTable(): ProcEntry[] | null {
  if (process.platform !== 'linux') return null;
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  const out: ProcEntry[] = [];
  for (const name of names) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const entry = readStat(Number(name));
    if (entry) out.push(entry);
  }
  return out;
}

function readStat(pid: number): ProcEntry | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) may contain spaces and parentheses: parse after its last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, ppid: Number(rest[1]), pgrp: Number(rest[2]), session: Number(rest[3]) };
}

/** The pids that belong to the tree of a task whose leader (and pgid, and sid) is `leader`. */
export function treeMembers(leader: number, table: ProcEntry[] | null = readProcTable()): number[] {
  if (!table) return [];
  const members = new Set<number>();
  const children = new Map<number, number[]>();
  for (const p of table) {
    if (p.pgrp === leader || p.session === leader || p.pid === leader) members.add(p.pid);
    const list = children.get(p.ppid);
    if (list) list.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const stack = [...members];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    for (const child of children.get(pid) ?? []) {
      if (!members.has(child)) {
        members.add(child);
        stack.push(child);
      }
    }
  }
  return [...members];
}

/**
 * Sends `signal` to the group `pgid` and, with `sweep` (the default), every other member of its tree
 * found in /proc, plus every process whose environment carries all of `marker` (KEY=VALUE pairs the
 * task's processes inherit): that catches a child that left for its own session and outlived its parent.
 * The members are listed before anything is signalled, while the tree still hangs together. True when
 * anything was signalled. The sweep reads the process table, so the hot path (a task that simply ended)
 * skips it.
 */
export function signalTree(pgid: number, signal: NodeJS.Signals, { sweep = true, marker = [] as readonly string[] } = {}): boolean {
  const members = sweep ? [...treeMembers(pgid), ...envMarked(marker)] : [];
  let any = false;
  try {
    process.kill(-pgid, signal);
    any = true;
  } catch {
    // ESRCH: the group is gone (its members may still live elsewhere in the tree).
  }
  for (const pid of members) {
    try {
      process.kill(pid, signal);
      any = true;
    } catch {
      // Already gone.
    }
  }
  return any;
}

/** Pids of live processes whose environment holds every KEY=VALUE of `marker` (Linux; none elsewhere). */
export function envMarked(marker: readonly string[]): number[] {
  if (marker.length === 0 || process.platform !== 'linux') return [];
  const needles = marker.map((m) => `\0${m}\0`);
  const out: number[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const name of names) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57 || Number(name) === process.pid) continue;
    try {
      const env = `\0${readFileSync(`/proc/${name}/environ`, 'latin1')}`;
      if (needles.every((n) => env.includes(n)) && isAliveNotZombie(Number(name))) out.push(Number(name));
    } catch {
      // Gone, or not ours.
    }
  }
  return out;
}

/** True while any process of the tree (or carrying `marker`) is alive. */
export function treeAlive(pgid: number, marker: readonly string[] = []): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return treeMembers(pgid).some(isAliveNotZombie) || envMarked(marker).length > 0;
  }
}

function isAliveNotZombie(pid: number): boolean {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * SIGTERM to the tree, SIGKILL after `graceMs` to whatever is left. Resolves once the SIGKILL was sent
 * (or nothing was left); the caller waits for its own child's exit event.
 */
export function killTree(pgid: number, graceMs = KILL_GRACE_MS, marker: readonly string[] = []): Promise<void> {
  if (!signalTree(pgid, 'SIGTERM', { marker })) return Promise.resolve();
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      if (!treeAlive(pgid, marker)) return resolve();
      if (Date.now() - started >= graceMs) {
        signalTree(pgid, 'SIGKILL', { marker });
        return resolve();
      }
      setTimeout(check, Math.min(50, graceMs));
    };
    setTimeout(check, Math.min(20, graceMs));
  });
}
