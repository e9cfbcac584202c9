/**
 * Log throughput (issue 3): one task printing 1,000,000 lines (~60 MB) through the runner — a pty, the
 * pty host, secret masking, the log file, batched log events to a subscriber — timed until the run is
 * done (its log file complete), against the same command with its output redirected to a file by the
 * shell. Aim: <= 2x, with the runner's peak RSS (its own process, and the pty host's) under 250 MB.
 *
 * For scale it also times the kernel's terminal alone: the same command in a pty read by a minimal loop
 * (Python's pty module, reading into a file). A program whose output is a terminal line-buffers it (one
 * write per line) and every write goes through the kernel's tty layer, so that floor, not the runner,
 * is what bounds a real-terminal log; dagstudio's own cost is its distance from that floor.
 *
 * Standalone: `npx tsx bench/logs.bench.ts` (LINES=n to change the size, RUNS=n the number of timed runs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner } from '../electron/runner/index';
import type { Pipeline } from '../shared/pipeline/schema';

const LINES = Number(process.env.LINES ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 3);
const AIM = 2;
const RSS_AIM_MB = 250;

const command = `awk 'BEGIN { for (i = 1; i <= ${LINES}; i++) printf "line %07d the quick brown fox jumps over the lazy dog\\n", i }'`;
const dir = mkdtempSync(join(tmpdir(), 'dagstudio-bench-logs-'));

const PTY_FLOOR = `
import os, pty, sys, time
out = open(sys.argv[2], 'wb')
start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    os.execvp('bash', ['bash', '-c', sys.argv[1]])
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out.write(data)
os.waitpid(pid, 0)
out.close()
print(time.perf_counter() - start)
`;

/** The kernel's terminal alone, or null without python3. */
function ptyFloor(): number | null {
  const script = join(dir, 'pty_floor.py');
  writeFileSync(script, PTY_FLOOR);
  const r = spawnSync('python3', [script, command, join(dir, 'pty.txt')], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

function redirected(): { seconds: number; bytes: number } {
  const out = join(dir, 'redirected.txt');
  const started = performance.now();
  const r = spawnSync('bash', ['-c', `${command} > ${out}`]);
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`redirect run failed: ${r.stderr}`);
  return { seconds, bytes: statSync(out).size };
}

/** Peak resident memory of the pty host (the runner's child that owns the terminals), from /proc. */
function hostPeakMb(): number | null {
  const r = spawnSync('pgrep', ['-P', String(process.pid), '-f', 'pty-host-process'], { encoding: 'utf8' });
  const pid = r.stdout.trim().split('\n')[0];
  if (!pid) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

const runner = createRunner({ dataDir: join(dir, 'data'), parallelism: 1 });
let chunks = 0;
runner.subscribe((e) => {
  if (e.type === 'log') chunks++;
});
const pipeline: Pipeline = {
  format: 'dagstudio/pipeline',
  version: 1,
  id: 'bench_logs',
  schedule: null,
  params: {},
  groups: [],
  tasks: [{ id: 'print', operator: 'bash', config: { command }, position: { x: 0, y: 0 } }],
  edges: [],
};

/* The runner process's resident memory, sampled while it runs (the bench's own start-up and checks are not the runner's). */
let peakRss = 0;
async function throughRunner(): Promise<{ seconds: number; bytes: number; file: string }> {
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const { done } = await runner.start(pipeline);
  const record = await done;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (record.state !== 'success') throw new Error(`run ${record.state}`);
  const file = join(runner.dataDir, record.tasks.print!.tries[0]!.log);
  return { seconds, bytes: statSync(file).size, file };
}

process.stdout.write(`logs: one task printing ${LINES.toLocaleString('en')} lines, median of ${RUNS} runs (after one warm-up)\n\n`);
await throughRunner();
redirected();
const d: number[] = [];
const b: number[] = [];
const f: number[] = [];
let bytes = 0;
let lastFile = '';
chunks = 0;
for (let i = 0; i < RUNS; i++) {
  const base = redirected();
  b.push(base.seconds);
  const floor = ptyFloor();
  if (floor !== null) f.push(floor);
  const ours = await throughRunner();
  d.push(ours.seconds);
  if (ours.bytes !== base.bytes) throw new Error(`the log has ${ours.bytes} bytes, the redirected output ${base.bytes}`);
  bytes = ours.bytes;
  lastFile = ours.file;
}
const same = spawnSync('cmp', ['-s', lastFile, join(dir, 'redirected.txt')]).status === 0;
const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)] as number;
const [dm, bm] = [median(d), median(b)];
const mainPeak = peakRss / 1024 / 1024;
const hostPeak = hostPeakMb();
await runner.close();
rmSync(dir, { recursive: true, force: true });

const ratio = dm / bm;
process.stdout.write(`  log size            ${(bytes / 1e6).toFixed(1)} MB, identical to the redirected output: ${same ? 'yes' : 'NO'}\n`);
process.stdout.write(`  shell redirect      ${bm.toFixed(2)} s\n`);
if (f.length > 0) {
  const fm = median(f);
  process.stdout.write(`  pty alone (floor)   ${fm.toFixed(2)} s  (${(fm / bm).toFixed(2)}x the redirect; dagstudio is ${(dm / fm).toFixed(2)}x this floor)\n`);
}
process.stdout.write(`  dagstudio           ${dm.toFixed(2)} s  (${(bytes / 1e6 / dm).toFixed(0)} MB/s, ${Math.round(chunks / RUNS)} log events per run)\n`);
process.stdout.write(`  ratio               ${ratio.toFixed(2)}x  (aim <= ${AIM}x: ${ratio <= AIM ? 'ok' : 'MISSED'})\n`);
process.stdout.write(`  peak RSS            runner ${mainPeak.toFixed(0)} MB, pty host ${hostPeak === null ? 'n/a' : `${hostPeak.toFixed(0)} MB`}  (aim < ${RSS_AIM_MB} MB each: ${mainPeak < RSS_AIM_MB && (hostPeak ?? 0) < RSS_AIM_MB ? 'ok' : 'MISSED'})\n`);
if (!same) process.exitCode = 1;
