#!/usr/bin/env node
// `npm test`: lint and type-check, unit + integration tests (vitest), then end-to-end tests
// (Playwright in Chromium through `dagstudio serve`). Ends with one line `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
mkdirSync(reports, { recursive: true });
const only = process.argv.slice(2);

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`=== ${name}: exit ${result.status} in ${seconds}s\n`);
  if (result.status !== 0) failures.push(name);
  return result.status === 0;
}

const wants = (name) => only.length === 0 || only.includes(name);

// The AWS emulator and the example's Python packages live in .venv-tools (quick when already set up).
if (wants('vitest') || wants('e2e')) step('python tools', 'bash', ['scripts/setup-python.sh']);
if (wants('lint')) step('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
if (wants('typecheck')) step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);

if (wants('vitest')) {
  const out = join(reports, 'vitest.json');
  step('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
}

const hasE2e = existsSync(join(root, 'test/e2e')) && readdirSync(join(root, 'test/e2e')).some((f) => f.endsWith('.spec.ts'));
if (wants('e2e') && hasE2e) {
  step('build', 'node', ['build/build.mjs']);
  const out = join(reports, 'playwright.json');
  step('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.stats?.expected ?? 0;
    failed += (r.stats?.unexpected ?? 0) + (r.stats?.flaky ?? 0);
    skipped += r.stats?.skipped ?? 0;
  }
}

if (failures.length > 0) process.stdout.write(`\nfailed steps: ${failures.join(', ')}\n`);
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exitCode = failures.length > 0 || failed > 0 ? 1 : 0;
