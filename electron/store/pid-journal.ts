import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a run's processes did, in an append-only file beside its run file (<dataDir>/runs/<run_id>.pids):
 * "owner <pid> <start>" first, then "+<pgid> <task> <try>" when a task's process starts, and
 * "=<task> <try> <state> <exit code>" when a try ended (with every process it started). Appending one short line is cheap enough to
 * do at once, while the run file itself is written a little later (coalesced): so a runner killed at any
 * moment leaves on record every process group to end and every try that finished, and the next start can
 * put the history right. The owner line tells a crashed runner's run from one that another live process
 * (the CLI beside the app) is still running.
 */
export class PidJournal {
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
    writeSync(this.fd, `owner ${process.pid} ${processStartTime(process.pid) ?? 0}\n`);
  }

  started(pgid: number, taskId: string, tryNumber: number): void {
    if (this.fd !== null) writeSync(this.fd, `+${pgid} ${taskId} ${tryNumber}\n`);
  }

  /** A try ended; its process groups (if any) ended with it. */
  tryEnded(taskId: string, tryNumber: number, state: string, exitCode: number | null): void {
    if (this.fd !== null) writeSync(this.fd, `=${taskId} ${tryNumber} ${state} ${exitCode ?? ''}\n`);
  }

  /** The run ended with no process left: the journal is no longer needed. */
  remove(): void {
    this.close();
    rmSync(this.path, { force: true });
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export function journalPath(runsDir: string, runId: string): string {
  return join(runsDir, `${runId}.pids`);
}

export interface JournalState {
  /** Owner processes that wrote to the journal (a run resumed by a later runner has several). */
  owners: Array<{ pid: number; start: number }>;
  /** Groups started and not recorded as ended. */
  live: number[];
  /** The last try of each task that started a process or ended, and how it ended (null: it had not). */
  tries: Map<string, { tryNumber: number; state: string | null; exitCode: number | null }>;
}

export function readJournal(path: string): JournalState | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const owners: JournalState['owners'] = [];
  const live = new Set<number>();
  const groupsOf = new Map<string, number[]>();
  const tries: JournalState['tries'] = new Map();
  for (const line of text.split('\n')) {
    const parts = line.split(' ');
    if (line.startsWith('owner ')) {
      owners.push({ pid: Number(parts[1]), start: Number(parts[2]) });
    } else if (line.startsWith('+')) {
      const pgid = Number(parts[0]!.slice(1));
      live.add(pgid);
      const key = `${parts[1]} ${parts[2]}`;
      groupsOf.set(key, [...(groupsOf.get(key) ?? []), pgid]);
      const tryNumber = Number(parts[2]);
      if (parts[1] && Number.isInteger(tryNumber) && (tries.get(parts[1])?.tryNumber ?? 0) <= tryNumber) {
        const known = tries.get(parts[1]);
        tries.set(parts[1], known?.tryNumber === tryNumber ? known : { tryNumber, state: null, exitCode: null });
      }
    } else if (line.startsWith('=') && parts.length >= 3) {
      for (const pgid of groupsOf.get(`${parts[0]!.slice(1)} ${parts[1]}`) ?? []) live.delete(pgid);
      const tryNumber = Number(parts[1]);
      const exit = parts[3] ? Number(parts[3]) : null;
      tries.set(parts[0]!.slice(1), { tryNumber, state: parts[2]!, exitCode: Number.isInteger(exit) ? exit : null });
    }
  }
  return { owners, live: [...live].filter((n) => Number.isInteger(n) && n > 1), tries };
}

/** The start time of a process in clock ticks since boot (Linux), to tell a pid from a reused one. */
export function processStartTime(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

/** True while the process that owned a journal still runs (and is the same process, where that can be told). */
export function ownerAlive(owner: { pid: number; start: number }): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const start = processStartTime(owner.pid);
  return start === null || owner.start === 0 || start === owner.start;
}
