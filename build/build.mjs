#!/usr/bin/env node
// Builds the app without needing the Electron binary: esbuild bundles the main process, the preload
// and the CLI (dependencies stay external, node-pty is native); Vite builds the renderer.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), 'electron'];

const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20', sourcemap: true, external, logLevel: 'warning' };

await build({ ...common, entryPoints: ['electron/cli.ts'], outfile: 'dist/cli.js', format: 'esm', banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });
if (existsSync(`${root}/electron/main.ts`)) {
  await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: [...external.filter((d) => !['lowdb', 'conf', 'electron-store'].includes(d)), 'electron'] });
}
if (existsSync(`${root}/electron/preload.ts`)) {
  // A sandboxed preload cannot require anything but electron: bundle everything else in.
  await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
}
if (!process.argv.includes('--cli-only') && existsSync(`${root}/renderer/vite.config.ts`)) {
  const r = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The pty host is a separate process script found beside the bundle that starts it (see electron/runner/pty-host.ts).
for (const dir of ['dist', 'dist/electron']) {
  mkdirSync(`${root}/${dir}`, { recursive: true });
  for (const file of ['pty-host-process.mjs', 'pty-terminal.mjs']) copyFileSync(`${root}/electron/runner/${file}`, `${root}/${dir}/${file}`);
}
console.log('built dist/');
