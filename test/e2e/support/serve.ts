import { test as base, expect } from '@playwright/test';
import { startServe, type ServeProcess } from './serve-process';

/**
 * Playwright fixture: a real `dagstudio serve` per test, with a fresh data folder and home folder.
 *
 *   import { test, expect } from './support/serve';
 *   test('…', async ({ page, serve }) => { await page.goto(serve.url); … });
 *
 * `serve.url` carries the access token (the page swaps it for a cookie); `serve.home` is an allowed folder to save
 * pipelines in; `serve.dataDir` holds run history and logs.
 */
export const test = base.extend<{ serve: ServeProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  serve: async ({}, use, testInfo) => {
    const serve = await startServe();
    await use(serve);
    const code = await serve.stop();
    if (testInfo.status !== testInfo.expectedStatus && serve.stderr()) {
      await testInfo.attach('dagstudio-serve.stderr', { body: serve.stderr(), contentType: 'text/plain' });
    }
    if (code !== 0 && code !== null) console.warn(`dagstudio serve exited with ${code}\n${serve.stderr()}`);
  },
});

export { expect };
export type { ServeProcess };
