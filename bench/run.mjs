#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts, in name order, each in its own process
// (`node --import tsx`) so one benchmark's heap and JIT state never colour another's figures.
// Output streams through as it comes; a summary ends the run. `npm run bench -- parse` runs only
// the benchmarks whose file name contains "parse". Exit 1 when a benchmark fails, 2 when none match.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const filters = process.argv.slice(2);
const all = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.ts'))
  .sort();
const chosen = all.filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)));

if (chosen.length === 0) {
  process.stderr.write(`bench: nothing matches ${filters.join(', ')} (have: ${all.join(', ') || 'none'})\n`);
  process.exit(2);
}

function run(name) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${name}`], { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      process.stderr.write(`bench: cannot start ${name}: ${error.message}\n`);
      resolve({ name, code: 1, seconds: 0 });
    });
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), signal, seconds: (performance.now() - started) / 1000 }));
  });
}

const results = [];
for (const name of chosen) {
  process.stdout.write(`\n=== ${name}\n`);
  results.push(await run(name));
}

const width = Math.max(...results.map((r) => r.name.length));
process.stdout.write('\n=== bench summary\n');
for (const r of results) {
  const status = r.code === 0 ? 'ok' : r.signal ? `killed by ${r.signal}` : `failed (exit ${r.code})`;
  process.stdout.write(`  ${r.name.padEnd(width)}  ${status.padEnd(10)}  ${r.seconds.toFixed(1)} s\n`);
}
const failed = results.filter((r) => r.code !== 0).length;
process.stdout.write(`bench: ${results.length} ran, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
