import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, type ServeProcess } from './support/serve';
import { toolbarButton } from './support/designer-helpers';
import { expectState, openPipeline, runHeader, runTab, writePipeline } from './run-support';

/*
 * Desktop touches in the browser (renderer/run/desktop.ts): a notification when a run ends while the window is in
 * the background, and the run's progress in the page title.
 *
 * The browser's own Notification API is watched, not replaced: an init script records each notification the page
 * constructs, then lets the browser make it. "Background" is real: Playwright keeps every page focused by
 * emulation, so the test turns that off (CDP) and brings another page to the front, and checks
 * document.hasFocus() each time so no test passes with a window that was in front all along.
 */

interface Shown {
  title: string;
  body: string;
  tag: string;
}

async function watchNotifications(context: BrowserContext, serve: ServeProcess): Promise<void> {
  await context.grantPermissions(['notifications'], { origin: serve.origin });
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body: string; tag: string }> = [];
    (window as unknown as { __notifications: typeof shown }).__notifications = shown;
    const Browser = window.Notification;
    class Watched extends Browser {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
      }
    }
    window.Notification = Watched;
  });
}

function notifications(page: Page): Promise<Shown[]> {
  return page.evaluate(() => (window as unknown as { __notifications: Shown[] }).__notifications);
}

/** Real focus: without Playwright's focus emulation, only the page in front has it. */
async function useRealFocus(context: BrowserContext, page: Page): Promise<Page> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  return context.newPage();
}

async function toBackground(page: Page, other: Page): Promise<void> {
  await other.bringToFront();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(false);
}

async function toFront(page: Page): Promise<void> {
  await page.bringToFront();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(true);
}

/* The gate task waits for a `go` file in the pipeline's folder and takes it away, so each run waits for the test. */
const GATE = 'echo "waiting"; while [ ! -f go ]; do sleep 0.1; done; rm -f go; echo "released"';

function release(serve: ServeProcess): void {
  writeFileSync(join(serve.home, 'go'), '');
}

/** Starts a run in front (clicks need the page there) and waits until it is held at the gate. */
async function runToGate(page: Page): Promise<void> {
  await toolbarButton(page, 'Run').click();
  await expectState(page, 'gate', 'running');
  await expect(runHeader(page)).toHaveAttribute('data-state', 'running');
}

test('a run that ends while the window is in the background shows one notification naming the pipeline and how the run ended', async ({ page, context, serve }) => {
  await watchNotifications(context, serve);
  const path = writePipeline(
    serve,
    'nightly_train',
    [
      { id: 'fetch', command: 'echo fetched' },
      { id: 'gate', command: GATE },
      { id: 'train', command: 'echo "no GPU" >&2; exit 2' },
    ],
    [
      ['fetch', 'gate'],
      ['gate', 'train'],
    ],
  );
  await openPipeline(page, serve, path);
  const other = await useRealFocus(context, page);
  await toFront(page);
  await runToGate(page);
  const runId = (await runHeader(page).getByTitle(/^manual__/).textContent())!.trim();

  await toBackground(page, other);
  release(serve);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'failed');
  await expectState(page, 'train', 'failed');
  expect(await page.evaluate(() => document.hasFocus())).toBe(false);
  await expect.poll(() => notifications(page)).toHaveLength(1);
  const [shown] = await notifications(page);
  expect(shown).toEqual({ title: 'nightly_train failed', body: `Run ${runId}: 2 success, 1 failed.`, tag: runId });

  // The run's end is told once: the snapshot the history fetches after it and the events settling change nothing.
  await toFront(page);
  await runTab(page, 'runs').click();
  await expect(page.getByTestId(`run-row-${runId}`)).toHaveAttribute('data-state', 'failed');
  expect(await notifications(page)).toHaveLength(1);
});

test('no notification while the window has the focus or with the preference off; turned back on, the next run notifies', async ({ page, context, serve }) => {
  await watchNotifications(context, serve);
  const path = writePipeline(serve, 'quiet_please', [{ id: 'gate', command: GATE }], []);
  await openPipeline(page, serve, path);
  const other = await useRealFocus(context, page);
  const bell = page.getByRole('button', { name: 'Notify when a run ends' });

  // In front: the run ends where the user is looking.
  await toFront(page);
  await runToGate(page);
  await expect(bell).toHaveAttribute('aria-pressed', 'true');
  release(serve);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success');
  expect(await page.evaluate(() => document.hasFocus())).toBe(true);
  expect(await notifications(page)).toEqual([]);

  // The preference off, through the run header's bell: in the background, still nothing.
  await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'false');
  await runToGate(page);
  await toBackground(page, other);
  release(serve);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success');
  expect(await page.evaluate(() => document.hasFocus())).toBe(false);
  expect(await notifications(page)).toEqual([]);

  // On again, the same run in the background notifies: the two quiet runs above were quiet for their reason.
  await toFront(page);
  await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'true');
  await runToGate(page);
  await toBackground(page, other);
  release(serve);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success');
  await expect.poll(() => notifications(page)).toHaveLength(1);
  expect((await notifications(page))[0]!.title).toBe('quiet_please succeeded');
  expect(existsSync(join(serve.home, 'go'))).toBe(false);
});

test('the page title shows how far a run is while it runs, and is the plain title again once it ended', async ({ page, serve }) => {
  const path = writePipeline(
    serve,
    'titled',
    [
      { id: 'first', command: 'echo one' },
      { id: 'second', command: 'echo two' },
      { id: 'gate', command: GATE },
      { id: 'last', command: 'echo done' },
    ],
    [
      ['first', 'second'],
      ['second', 'gate'],
      ['gate', 'last'],
    ],
  );
  await openPipeline(page, serve, path);
  await expect(page).toHaveTitle('dagstudio');

  await runToGate(page);
  await expectState(page, 'second', 'success');
  await expect(page).toHaveTitle('[2/4 · 50%] titled — dagstudio');

  release(serve);
  await expectState(page, 'last', 'success');
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success');
  await expect(page).toHaveTitle('dagstudio');
});
