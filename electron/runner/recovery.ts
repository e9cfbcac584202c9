import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { FINISHED_TASK_STATES, type TaskState } from '../../shared/api/runs';
import { logPath } from '../store/log-files';
import { journalPath, ownerAlive, readJournal, type JournalState } from '../store/pid-journal';
import type { RunFile, RunStore } from '../store/run-store';
import { killTree } from './kill';

/**
 * Crash recovery (DESIGN.md §3): a run left `running` by a runner that died is marked failed, and the
 * process groups it had started are ended. A run whose runner still lives (the CLI next to the app,
 * sharing the data dir) is left alone: its journal names its owner process.
 */

export interface RecoveryReport {
  /** Runs that were marked failed. */
  runs: string[];
  /** Process groups (or processes) that were ended. */
  killed: number;
}

const INTERRUPTED = 'the runner stopped while this task ran';

export async function recoverRuns(store: RunStore, isActive: (runId: string) => boolean, graceMs: number): Promise<RecoveryReport> {
  const report: RecoveryReport = { runs: [], killed: 0 };
  for (const runId of store.runIdsOnDisk()) {
    if (isActive(runId)) continue;
    const journal = readJournal(journalPath(store.dir, runId));
    const file = await store.get(runId);
    const left = file !== undefined && (file.record.state === 'running' || file.record.state === 'queued');
    if (!journal && !left) continue;
    const owner = journal?.owners[journal.owners.length - 1];
    if (owner && ownerAlive(owner)) continue;

    const groups = new Set([...(journal?.live ?? []), ...(file?.record.pgids ?? [])]);
    report.killed += await endOrphans(runId, groups, graceMs);
    if (file && left) {
      if (journal) replayJournal(file, journal);
      markInterrupted(file);
      await store.writeUntracked(file);
      report.runs.push(runId);
    }
    rmSync(journalPath(store.dir, runId), { force: true });
  }
  return report;
}

/**
 * The run file is written a moment after things happen; the journal at once. Tries it knows about that
 * the file missed are put in: an ended try with its state, a started one as running (then interrupted).
 */
function replayJournal(file: RunFile, journal: JournalState): void {
  const r = file.record;
  for (const [taskId, known] of journal.tries) {
    const ti = r.tasks[taskId];
    if (!ti || ti.try_number > known.tryNumber) continue;
    let entry = ti.tries.find((t) => t.try_number === known.tryNumber);
    if (!entry) {
      entry = { try_number: known.tryNumber, state: 'running', start: null, end: null, exit_code: null, log: logPath(r.dag_id, r.run_id, taskId, known.tryNumber) };
      ti.tries.push(entry);
    }
    ti.try_number = known.tryNumber;
    if (known.state === null) {
      ti.state = 'running';
      continue;
    }
    const ended = known.state === 'up_for_retry' ? 'failed' : (known.state as TaskState);
    entry.state = ended;
    entry.exit_code = known.exitCode;
    ti.exit_code = known.exitCode;
    ti.state = known.state as TaskState;
  }
}

function markInterrupted(file: RunFile): void {
  const at = new Date().toISOString();
  const r = file.record;
  for (const ti of Object.values(r.tasks)) {
    if (FINISHED_TASK_STATES.has(ti.state)) continue;
    if (ti.state === 'running' || ti.state === 'up_for_retry') {
      ti.state = 'failed';
      ti.error = INTERRUPTED;
      const last = ti.tries[ti.tries.length - 1];
      if (last && last.end === null) {
        last.state = 'failed';
        last.end = at;
        last.error = INTERRUPTED;
      }
    } else ti.state = 'skipped';
    ti.end ??= at;
  }
  r.state = 'failed';
  r.end = at;
  r.pgids = [];
}

/**
 * Ends what is left of a crashed run. On Linux a process is recognised by DAGSTUDIO_RUN_ID in its
 * environment, which catches processes that left their group and protects a process group id that was
 * reused by something else; elsewhere the recorded groups are signalled as they are.
 */
async function endOrphans(runId: string, groups: Set<number>, graceMs: number): Promise<number> {
  if (process.platform !== 'linux') {
    let n = 0;
    await Promise.all(
      [...groups].map(async (pgid) => {
        try {
          process.kill(-pgid, 0);
        } catch {
          return;
        }
        n++;
        await killTree(pgid, graceMs);
      }),
    );
    return n;
  }
  const marked = processesOfRun(runId);
  const targets = new Set<number>();
  for (const { pid, pgrp } of marked) {
    targets.add(groups.has(pgrp) ? pgrp : pid);
  }
  await Promise.all([...targets].map((id) => killTree(id, graceMs)));
  return targets.size;
}

function processesOfRun(runId: string): Array<{ pid: number; pgrp: number }> {
  const needle = `\0DAGSTUDIO_RUN_ID=${runId}\0`;
  const out: Array<{ pid: number; pgrp: number }> = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const env = `\0${readFileSync(`/proc/${name}/environ`, 'latin1')}`;
      if (!env.includes(needle)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue;
      out.push({ pid: Number(name), pgrp: Number(fields[2]) });
    } catch {
      // Gone, or not ours to read.
    }
  }
  return out;
}
