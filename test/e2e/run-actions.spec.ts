import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import { node, toolbarButton } from './support/designer-helpers';
import { expectState, openPipeline, processesWith, runHeader, showLog, writePipeline } from './run-support';

/* A task's run actions: Retry, Clear (from the context menu too), Run from here, Run only this task; and Cancel. */

test('retrying a failed task runs it again and then what it held back, and the run succeeds; clearing re-runs a task and its downstream', async ({ page, serve }) => {
  const path = writePipeline(
    serve,
    'repair_me',
    [
      { id: 'prepare', command: 'echo prepared' },
      { id: 'fix_me', command: 'sleep 1; if [ -f fixed ]; then echo "repaired on try $DAGSTUDIO_TRY_NUMBER"; else echo "not fixed yet"; exit 1; fi' },
      { id: 'downstream', command: 'echo "downstream ran"' },
    ],
    [
      ['prepare', 'fix_me'],
      ['fix_me', 'downstream'],
    ],
  );
  await openPipeline(page, serve, path);
  await toolbarButton(page, 'Run').click();
  await expectState(page, 'fix_me', 'failed');
  await expectState(page, 'downstream', 'upstream_failed');
  await expect(runHeader(page)).toHaveAttribute('data-state', 'failed');

  writeFileSync(join(serve.home, 'fixed'), '');
  await showLog(page, 'fix_me');
  await expect(page.getByTestId('log-fix_me')).toContainText('not fixed yet');
  await expect(page.getByTestId('task-action-retry')).toBeEnabled();
  await page.getByTestId('task-action-retry').click();
  await expectState(page, 'fix_me', 'success');
  await expectState(page, 'downstream', 'success');
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success');
  await expect(page.getByTestId('state-fix_me')).toContainText('try 2');
  await expect(page.getByTestId('state-prepare')).not.toContainText('try');
  await expect(page.getByTestId('log-try-2')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('log-fix_me')).toContainText('repaired on try 2');
  await page.getByTestId('log-try-1').click();
  await expect(page.getByTestId('log-fix_me')).toContainText('not fixed yet');
  // Retry is for failed tasks only.
  await expect(page.getByTestId('task-action-retry')).toBeDisabled();

  // Clear from the context menu: fix_me and downstream run again, prepare keeps its only try.
  await node(page, 'fix_me').locator('.task-id').click({ button: 'right' });
  const menu = page.getByTestId('task-menu');
  await expect(menu.getByRole('menuitem', { name: 'Retry' })).toBeDisabled();
  await menu.getByRole('menuitem', { name: 'Clear' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByTestId('state-fix_me')).toContainText('try 3');
  await expect(page.getByTestId('state-downstream')).toContainText('try 2');
  await expectState(page, 'fix_me', 'success');
  await expectState(page, 'downstream', 'success');
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success');
  await expect(page.getByTestId('state-prepare')).not.toContainText('try');
  await expect(page.getByTestId('log-fix_me')).toContainText('repaired on try 3');
});

test('run from here reuses the return values of the latest run, and run only this task runs that task alone', async ({ page, serve }) => {
  const path = writePipeline(
    serve,
    'reuse_me',
    [
      { id: 'produce', command: 'echo "producing on run $DAGSTUDIO_RUN_ID"; echo 42' },
      { id: 'consume', command: `echo "got {{ ti.xcom_pull(task_ids='produce') }}"` },
      { id: 'report', command: 'echo "report done"' },
    ],
    [
      ['produce', 'consume'],
      ['consume', 'report'],
    ],
  );
  await openPipeline(page, serve, path);
  await toolbarButton(page, 'Run').click();
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success', { timeout: 60_000 });
  const firstRun = await page.locator('.run-header-id').textContent();

  await showLog(page, 'consume');
  await page.getByTestId('task-action-run-from-here').click();
  await expect(page.locator('.run-header-id')).not.toHaveText(firstRun!);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success', { timeout: 60_000 });
  await expect(node(page, 'produce')).toHaveAttribute('data-state', 'none');
  await expect(node(page, 'consume')).toHaveAttribute('data-state', 'success');
  await expect(node(page, 'report')).toHaveAttribute('data-state', 'success');
  await expect(page.getByTestId('run-progress')).toContainText('2/2 tasks');
  await expect(page.getByTestId('log-consume')).toContainText('got 42');

  await showLog(page, 'report');
  const secondRun = await page.locator('.run-header-id').textContent();
  await page.getByTestId('task-action-run-only').click();
  await expect(page.locator('.run-header-id')).not.toHaveText(secondRun!);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success', { timeout: 60_000 });
  await expect(node(page, 'report')).toHaveAttribute('data-state', 'success');
  await expect(node(page, 'consume')).toHaveAttribute('data-state', 'none');
  await expect(node(page, 'produce')).toHaveAttribute('data-state', 'none');
  await expect(page.getByTestId('run-progress')).toContainText('1/1 tasks');
  await expect(page.getByTestId('log-report')).toContainText('report done');
});

test('cancelling a run ends every running task, leaves nothing running or queued, and the run ends cancelled', async ({ page, serve }) => {
  const marker = `dagstudio_e2e_cancel_${process.pid}_${Date.now()}`;
  const path = writePipeline(
    serve,
    'cancel_me',
    [
      { id: 'long_a', command: 'echo "a started"; sleep 300', env: { E2E_MARKER: marker } },
      { id: 'long_b', command: 'echo "b started"; sleep 300', env: { E2E_MARKER: marker } },
      { id: 'after_a', command: 'echo never' },
    ],
    [['long_a', 'after_a']],
  );
  await openPipeline(page, serve, path);
  await toolbarButton(page, 'Run').click();
  await expectState(page, 'long_a', 'running');
  await expectState(page, 'long_b', 'running');
  await expect(await showLog(page, 'long_a')).toContainText('a started');
  expect(processesWith(marker).length).toBeGreaterThanOrEqual(2);

  await toolbarButton(page, 'Cancel').click();
  await expect(runHeader(page)).toHaveAttribute('data-state', 'cancelled', { timeout: 60_000 });
  await expect(page.locator('.task-node[data-state="running"], .task-node[data-state="queued"], .task-node[data-state="scheduled"]')).toHaveCount(0);
  await expect(node(page, 'long_a')).toHaveAttribute('data-state', 'failed');
  await expect(node(page, 'after_a')).toHaveAttribute('data-state', /skipped|upstream_failed/);
  await expect.poll(() => processesWith(marker), { timeout: 30_000 }).toEqual([]);
  await expect(toolbarButton(page, 'Run')).toBeEnabled();
});
