#!/usr/bin/env node
// `npm start`: build, then open the desktop window when the Electron binary is installed;
// otherwise say so in one line and start the browser host instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url).pathname;
const built = spawnSync('node', ['build/build.mjs'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

let electronPath = null;
try {
  electronPath = createRequire(import.meta.url)('electron');
} catch {
  electronPath = null;
}

const child = electronPath
  ? spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' })
  : (console.log('Electron binary not installed here: starting the browser host (dagstudio serve) instead.'),
    spawn(process.execPath, ['bin/dagstudio.js', 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
