import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { REPO_ROOT, startServe, type ServeProcess } from '../../test/e2e/support/serve-process';

/*
 * What the browser benches (canvas, streaming) share: the renderer they load, the real `dagstudio serve` it is
 * loaded from, and one Chromium set up the same way for each, so their figures are taken under equal conditions.
 */

/** Builds dist/renderer when it is missing (or when the bench is given --build): the benches measure the built app. */
export function ensureRendererBuilt(): void {
  if (existsSync(join(REPO_ROOT, 'dist/renderer/index.html')) && !process.argv.includes('--build')) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Headless Chromium (CHROMIUM_PATH or /usr/bin/chromium) without the background work that would colour a measurement. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Runs `use` with the renderer built, `dagstudio serve` started and Chromium launched; closes both afterwards, whatever happens. */
export async function withServedChromium<T>(use: (browser: Browser, serve: ServeProcess) => Promise<T>): Promise<T> {
  ensureRendererBuilt();
  const serve = await startServe();
  try {
    const browser = await launchChromium();
    try {
      return await use(browser, serve);
    } finally {
      await browser.close();
    }
  } finally {
    await serve.stop();
  }
}
