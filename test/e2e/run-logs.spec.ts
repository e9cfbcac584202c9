import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import { toolbarButton } from './support/designer-helpers';
import { expectState, openPipeline, runHeader, runTab, showLog, writePipeline } from './run-support';

/* The log view: a finished log read from its file in ranges, search, save and copy; a live log that follows its tail. */

function logFile(dataDir: string, dagId: string, taskId: string): string {
  const root = join(dataDir, 'logs', dagId);
  return join(root, readdirSync(root)[0]!, taskId, '1.log');
}

test('a finished log opens at its tail from the file, loads earlier text on demand, and can be searched, saved and copied', async ({ page, serve }) => {
  // 30,000 lines (~450 KB): more than the view reads at first (its tail, 256 KB).
  const path = writePipeline(serve, 'long_log', [{ id: 'many', command: `awk 'BEGIN { for (i = 1; i <= 30000; i++) printf "row %05d %s\\n", i, (i == 7 ? "needle-early" : "hay") }'; sleep 1` }], []);
  await openPipeline(page, serve, path);
  await toolbarButton(page, 'Run').click();
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success', { timeout: 60_000 });
  const file = readFileSync(logFile(serve.dataDir, 'long_log', 'many'), 'utf8');
  expect(file.split('\n').length).toBeGreaterThan(30_000);

  // A fresh page holds none of it: the run comes from the history, the log from the file.
  await openPipeline(page, serve, path);
  await runTab(page, 'runs').click();
  await page.locator('[data-testid^="run-row-"]').first().click();
  await expectState(page, 'many', 'success');
  const log = await showLog(page, 'many');
  await expect(log.locator('.log-mirror')).toHaveText(/row 30000 hay$/);
  await expect(page.getByTestId('log-status')).toContainText('from byte');

  const search = page.getByTestId('log-search');
  await search.fill('needle-early');
  await search.press('Enter');
  await expect(page.getByTestId('log-matches')).toHaveText('no match');

  // Earlier text comes from the file; the terminal keeps at most 20,000 lines, so the newest ones make room.
  await page.getByTestId('log-earlier').click();
  await expect(page.getByTestId('log-status')).toContainText('30,000 lines');
  await expect(page.getByTestId('log-earlier')).toHaveCount(0);
  await search.press('Enter');
  await expect(page.getByTestId('log-matches')).toHaveText('1 of 1');
  await expect(page.getByTestId('log-follow')).toHaveText('Jump to end');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save log' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^long_log_manual__.*_many_try1\.log$/);
  expect(readFileSync((await saved.path())!, 'utf8')).toBe(file);

  // With no selection (Escape clears the search's), Copy takes the whole text shown.
  await search.press('Escape');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
  await page.getByRole('button', { name: 'Copy log' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.startsWith('row 00001 hay\n')).toBe(true);
  expect(copied).toContain('row 00007 needle-early');
  expect(copied).toContain('row 20000 hay');
  expect(copied).not.toContain('row 20001 hay');

  // Back to the end: the tail is read again.
  await page.getByTestId('log-follow').click();
  await expect(log.locator('.log-mirror')).toHaveText(/row 30000 hay$/);
  await expect(page.getByTestId('log-follow')).toHaveText('Follow');
  await expect(log).toHaveAttribute('data-following', 'true');
});

test('a live log follows its tail, stops following when scrolled up, and follows again on request', async ({ page, serve }) => {
  const path = writePipeline(
    serve,
    'live_log',
    [{ id: 'ticker', command: 'for i in $(seq 1 400); do echo "tick $i"; done; while [ ! -f stop ]; do echo "still going"; sleep 0.2; done; echo "stopped"' }],
    [],
  );
  await openPipeline(page, serve, path);
  await toolbarButton(page, 'Run').click();
  await expectState(page, 'ticker', 'running');
  const log = await showLog(page, 'ticker');
  await expect(log).toContainText('tick 400');
  await expect(log).toContainText('still going');
  await expect(log).toHaveAttribute('data-following', 'true');
  // The page title carries the live run's progress.
  await expect(page).toHaveTitle(/^\[0\/1 · 0%\] live_log — /);

  const viewport = log.locator('.xterm-viewport');
  const atBottom = () => viewport.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
  await expect.poll(atBottom).toBe(true);
  const box = (await log.locator('.log-terminal').boundingBox())!;
  await page.mouse.move(box.x + 100, box.y + 40);
  await page.mouse.wheel(0, -600);
  await expect(log).toHaveAttribute('data-following', 'false');
  await expect(page.getByTestId('log-follow')).toHaveAttribute('aria-pressed', 'false');
  const held = await viewport.evaluate((el) => el.scrollTop);
  await page.waitForTimeout(1500);
  expect(await viewport.evaluate((el) => el.scrollTop)).toBe(held);
  expect(await atBottom()).toBe(false);

  await page.getByTestId('log-follow').click();
  await expect(log).toHaveAttribute('data-following', 'true');
  await expect.poll(atBottom).toBe(true);

  writeFileSync(join(serve.home, 'stop'), '');
  await expectState(page, 'ticker', 'success');
  await expect(log).toContainText('stopped');
  await expect.poll(atBottom).toBe(true);
  await expect(page).not.toHaveTitle(/^\[/);
});
