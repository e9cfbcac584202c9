/**
 * Scheduling overhead of the runner (issue 3): 1,000 tasks that each run `true` (as `bash -c true`, what a
 * bash task runs), in three shapes — a chain, a wide fan-out/fan-in, a layered random DAG (fixed seed) —
 * at parallelism 2, against (a) a bare Node script that spawns the same processes in the same dependency
 * order (the floor for any runner written in Node; a separate small script) and (b) GNU make running the same DAG from a generated
 * Makefile (`make -j2`). dagstudio runs with everything on: a pty per task, a log file per try, the run
 * history written, events emitted to a subscriber. Aim: dagstudio <= 1.5x the bare-Node floor on each shape.
 * For scale it also runs the bare script with a node-pty terminal per task ("Node+pty"): the part of the
 * cost that comes with giving every task a real terminal rather than from the runner.
 *
 * Standalone: `npx tsx bench/runner.bench.ts` (RUNS=n to change the number of timed runs, TASKS=n the size).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunner } from '../electron/runner/index';
import type { Pipeline } from '../shared/pipeline/schema';

const TASKS = Number(process.env.TASKS ?? 1000);
const RUNS = Number(process.env.RUNS ?? 7);
const PARALLELISM = 2;
const AIM = 1.5;

interface Shape {
  name: string;
  ids: string[];
  edges: Array<[string, string]>;
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shapes(n: number): Shape[] {
  const ids = Array.from({ length: n }, (_, i) => `t${i}`);
  const chain: Shape = { name: 'chain', ids, edges: ids.slice(1).map((id, i) => [ids[i] as string, id]) };
  const middle = ids.slice(1, -1);
  const fan: Shape = {
    name: 'fan-out/fan-in',
    ids,
    edges: [...middle.map((id): [string, string] => [ids[0] as string, id]), ...middle.map((id): [string, string] => [id, ids[n - 1] as string])],
  };
  const rand = random(7);
  const layers = 25;
  const perLayer = Math.ceil(n / layers);
  const edges: Array<[string, string]> = [];
  for (let i = perLayer; i < n; i++) {
    const layer = Math.floor(i / perLayer);
    const previous = ids.slice((layer - 1) * perLayer, layer * perLayer);
    const count = 1 + Math.floor(rand() * 3);
    const picked = new Set<string>();
    for (let k = 0; k < count; k++) picked.add(previous[Math.floor(rand() * previous.length)] as string);
    for (const from of picked) edges.push([from, ids[i] as string]);
  }
  return [chain, fan, { name: 'layered random (seed 7)', ids, edges }];
}

/**
 * The bare-Node floor, as its own small process (a script of its own pays fork costs for its own small
 * heap, not for the bench's): the same dependency order every scheduler here uses — a task starts when
 * all its upstream tasks ended, FIFO, at most `parallelism` at once — timed from its first spawn to its
 * last exit, so Node's own start-up is not counted.
 */
const BARE_SCRIPT = `
import { spawn as spawnChild } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const shape = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const parallelism = Number(process.argv[3]);
// With a third argument (the repository), each task gets a terminal from node-pty instead of no stdio at all.
const pty = process.argv[4] ? createRequire(process.argv[4] + '/package.json')('node-pty') : null;
const spawn = (file, args) => {
  if (!pty) return spawnChild(file, args, { stdio: 'ignore' });
  const term = pty.spawn(file, args, { cwd: process.cwd(), env: process.env });
  return { on: (_event, callback) => term.onExit(({ exitCode }) => callback(exitCode)) };
};
const down = new Map(shape.ids.map((id) => [id, []]));
const waiting = new Map(shape.ids.map((id) => [id, 0]));
for (const [from, to] of shape.edges) { down.get(from).push(to); waiting.set(to, waiting.get(to) + 1); }
const queue = shape.ids.filter((id) => waiting.get(id) === 0);
let head = 0, running = 0, finished = 0;
const started = performance.now();
const pump = () => {
  while (running < parallelism && head < queue.length) {
    const id = queue[head++];
    running++;
    const child = spawn('bash', ['-c', 'true']);
    child.on('exit', (code) => {
      running--; finished++;
      if (code !== 0) { console.error(id + ' exited ' + code); process.exit(1); }
      for (const d of down.get(id)) { const left = waiting.get(d) - 1; waiting.set(d, left); if (left === 0) queue.push(d); }
      if (finished === shape.ids.length) console.log(((performance.now() - started) / 1000).toFixed(4));
      else pump();
    });
  }
};
pump();
`;

const ROOT = new URL('..', import.meta.url).pathname;

function bareNode(script: string, shapeFile: string, withPty = false): number {
  const r = spawnSync(process.execPath, [script, shapeFile, String(PARALLELISM), ...(withPty ? [ROOT] : [])], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bare Node script failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

function makefile(shape: Shape): string {
  const deps = new Map<string, string[]>(shape.ids.map((id) => [id, []]));
  for (const [from, to] of shape.edges) deps.get(to)!.push(from);
  const lines = ['.PHONY: all ' + shape.ids.join(' '), `all: ${shape.ids.join(' ')}`];
  for (const id of shape.ids) lines.push(`${id}: ${deps.get(id)!.join(' ')}`, '\tbash -c true');
  return lines.join('\n') + '\n';
}

function toPipeline(shape: Shape, index: number): Pipeline {
  return {
    format: 'dagstudio/pipeline',
    version: 1,
    id: `bench_${index}`,
    schedule: null,
    params: {},
    groups: [],
    tasks: shape.ids.map((id) => ({ id, operator: 'bash', config: { command: 'true' }, position: { x: 0, y: 0 } })),
    edges: shape.edges.map(([from, to]) => ({ from, to })),
  };
}

async function time(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const hasMake = spawnSync('make', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'dagstudio-bench-runner-'));
const runner = createRunner({ dataDir: join(dir, 'data'), parallelism: PARALLELISM });
let events = 0;
runner.subscribe(() => events++);
const bareScript = join(dir, 'bare.mjs');
writeFileSync(bareScript, BARE_SCRIPT);

process.stdout.write(
  `runner: ${TASKS} tasks running \`bash -c true\` at parallelism ${PARALLELISM}; times are medians of ${RUNS} rounds (after one warm-up), ratios the median of each round's ratio\n\n`,
);
const rows: string[][] = [['shape', 'dagstudio s', 'bare Node s', 'Node+pty s', 'make -j2 s', 'vs Node', 'vs Node+pty', 'vs make', 'overhead ms/task', 'aim']];
let allMet = true;
for (const [index, shape] of shapes(TASKS).entries()) {
  const pipeline = toPipeline(shape, index);
  const mk = join(dir, `Makefile.${index}`);
  writeFileSync(mk, makefile(shape));
  const shapeFile = join(dir, `shape.${index}.json`);
  writeFileSync(shapeFile, JSON.stringify(shape));
  const runDag = async () => {
    const { done } = await runner.start(pipeline);
    const record = await done;
    if (record.state !== 'success') throw new Error(`dagstudio run ${record.state}`);
  };
  const runMake = async () => {
    const r = spawnSync('make', ['-s', '-j2', '-f', mk], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`make exited ${r.status}`);
  };
  // Warm-up: caches, JIT, page cache.
  await runDag();
  bareNode(bareScript, shapeFile);
  const d: number[] = [];
  const b: number[] = [];
  const m: number[] = [];
  const p: number[] = [];
  // Rounds of back-to-back runs, in alternating order, and the ratio taken within each round: on a shared
  // machine the load changes from one minute to the next, and a round's runs see the same load.
  for (let r = 0; r < RUNS; r++) {
    if (r % 2 === 0) {
      b.push(bareNode(bareScript, shapeFile));
      d.push(await time(runDag));
    } else {
      d.push(await time(runDag));
      b.push(bareNode(bareScript, shapeFile));
    }
    if (hasMake) m.push(await time(runMake));
    p.push(bareNode(bareScript, shapeFile, true));
  }
  const [dm, bm, mm] = [median(d), median(b), hasMake ? median(m) : NaN];
  const ratio = median(d.map((x, i) => x / b[i]!));
  const vsMake = hasMake ? median(d.map((x, i) => x / m[i]!)) : NaN;
  const vsPty = median(d.map((x, i) => x / p[i]!));
  const met = ratio <= AIM;
  allMet &&= met;
  rows.push([
    shape.name,
    dm.toFixed(2),
    bm.toFixed(2),
    median(p).toFixed(2),
    hasMake ? mm.toFixed(2) : 'n/a',
    `${ratio.toFixed(2)}x`,
    `${vsPty.toFixed(2)}x`,
    hasMake ? `${vsMake.toFixed(2)}x` : 'n/a',
    (((dm - bm) * 1000) / TASKS).toFixed(2),
    met ? `ok (<= ${AIM}x)` : `MISSED (> ${AIM}x)`,
  ]);
}
await runner.close();
rmSync(dir, { recursive: true, force: true });

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const row of rows) process.stdout.write(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ') + '\n');
process.stdout.write(`\n(bare Node vs make on the same shapes shows the cost of spawning from Node itself; ${events} events were emitted)\n`);
process.stdout.write(allMet ? `runner: aim met on every shape\n` : `runner: aim missed on some shape (see above)\n`);
