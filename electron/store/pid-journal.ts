import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The process groups a run has started, in an append-only file beside its run file
 * (<dataDir>/runs/<run_id>.pids): "owner <pid> <start>" first, then "+<pgid>" when a task's process
 * starts and "-<pgid>" when it ends. Appending one short line is cheap enough to do before anything
 * else happens, so even a runner killed a moment after starting a task leaves the group on record, and
 * the next start can end it. The owner line tells a crashed runner's run from one another live process
 * (the CLI beside the app) is still running.
 */
export class PidJournal {
  private fd: number | null;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
    writeSync(this.fd, `owner ${process.pid} ${processStartTime(process.pid) ?? 0}\n`);
  }

  started(pgid: number): void {
    if (this.fd !== null) writeSync(this.fd, `+${pgid}\n`);
  }

  ended(pgid: number): void {
    if (this.fd !== null) writeSync(this.fd, `-${pgid}\n`);
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
  for (const line of text.split('\n')) {
    if (line.startsWith('owner ')) {
      const [, pid, start] = line.split(' ');
      owners.push({ pid: Number(pid), start: Number(start) });
    } else if (line.startsWith('+')) live.add(Number(line.slice(1)));
    else if (line.startsWith('-')) live.delete(Number(line.slice(1)));
  }
  return { owners, live: [...live].filter((n) => Number.isInteger(n) && n > 1) };
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
