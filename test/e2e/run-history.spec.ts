import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import { node, openNewPipeline, toolbarButton } from './support/designer-helpers';
import { expectState, openPipeline, runHeader, runTab, writePipeline } from './run-support';

/* Run history: the runs list and the grid put a past run on screen; refused runs say why. */

test('a past run opens from the runs list and from the grid, painting its states and showing its logs', async ({ page, serve }) => {
  const path = writePipeline(
    serve,
    'twice',
    [
      { id: 'flip', command: 'if [ -f second ]; then echo "this is the second run"; else echo "this is the first run"; exit 1; fi' },
      { id: 'next', command: 'echo "next ran"' },
    ],
    [['flip', 'next']],
    { label: 'one' },
  );
  await openPipeline(page, serve, path);
  await toolbarButton(page, 'Run').click();
  await page.getByTestId('run-params-start').click();
  await expect(runHeader(page)).toHaveAttribute('data-state', 'failed', { timeout: 60_000 });
  const firstRun = (await page.locator('.run-header-id').textContent())!;

  writeFileSync(join(serve.home, 'second'), '');
  await toolbarButton(page, 'Run').click();
  await page.getByTestId('run-params-dialog').getByLabel('label').fill('two');
  await page.getByTestId('run-params-start').click();
  await expect(page.locator('.run-header-id')).not.toHaveText(firstRun);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success', { timeout: 60_000 });
  const secondRun = (await page.locator('.run-header-id').textContent())!;
  await expectState(page, 'next', 'success');

  // The runs list: newest first, with state and params; a click paints the older run on the graph.
  await runTab(page, 'runs').click();
  const rows = page.getByTestId('runs-list').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-testid', `run-row-${secondRun}`);
  await expect(rows.nth(0)).toContainText('success');
  await expect(rows.nth(0)).toContainText('"label":"two"');
  await expect(rows.nth(1)).toHaveAttribute('data-state', 'failed');
  await rows.nth(1).click();
  await expect(page.locator('.run-header-id')).toHaveText(firstRun);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'failed');
  await expectState(page, 'flip', 'failed');
  await expectState(page, 'next', 'upstream_failed');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');

  // The grid: a column per run, oldest on the left; a cell opens that task's log in that run.
  await runTab(page, 'grid').click();
  const oldCell = page.getByTestId(`grid-cell-${firstRun}-flip`);
  const newCell = page.getByTestId(`grid-cell-${secondRun}-flip`);
  await expect(oldCell).toHaveAttribute('data-state', 'failed');
  await expect(newCell).toHaveAttribute('data-state', 'success');
  await expect(page.getByTestId(`grid-cell-${firstRun}-next`)).toHaveAttribute('data-state', 'upstream_failed');
  const columns = await page.locator('.run-grid-run').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
  expect(columns).toEqual([`grid-run-${firstRun}`, `grid-run-${secondRun}`]);

  await newCell.click();
  await expect(runTab(page, 'log')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.run-header-id')).toHaveText(secondRun);
  await expectState(page, 'flip', 'success');
  await expect(page.getByTestId('log-flip')).toContainText('this is the second run');

  await runTab(page, 'grid').click();
  await oldCell.click();
  await expect(page.locator('.run-header-id')).toHaveText(firstRun);
  await expectState(page, 'flip', 'failed');
  await expect(page.getByTestId('log-flip')).toContainText('this is the first run');
  await expect(node(page, 'next')).toHaveAttribute('data-state', 'upstream_failed');
});

test('a run of an unsaved or invalid pipeline is refused with the reason, and Save and run saves then runs', async ({ page, serve }) => {
  // Never saved.
  await openNewPipeline(page, serve.url);
  await toolbarButton(page, 'Run').click();
  const refused = page.getByTestId('run-refused');
  await expect(refused).toContainText('has not been saved yet');
  await refused.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(refused).toBeHidden();
  await expect(page.getByTestId('run-header')).toHaveAttribute('data-state', '');

  // Invalid: the problems are listed, and a click selects the task.
  const invalid = writePipeline(serve, 'invalid_one', [{ id: 'no_command', command: '' }, { id: 'fine', command: 'echo fine' }], [['no_command', 'fine']]);
  await openPipeline(page, serve, invalid);
  await toolbarButton(page, 'Run').click();
  await expect(refused).toContainText('must be fixed first');
  await expect(page.getByTestId('run-problems')).toContainText('tasks[0].config.command');
  await page.getByTestId('run-problems').getByRole('button', { name: 'tasks[0].config.command' }).click();
  await expect(refused).toBeHidden();
  await expect(node(page, 'no_command')).toHaveClass(/is-selected/);
  await expect(node(page, 'no_command')).toHaveAttribute('data-state', 'none');

  // Unsaved changes: Save and run writes the file, then runs it.
  const good = writePipeline(serve, 'edited', [{ id: 'only', command: 'echo "ran after saving"' }], []);
  await openPipeline(page, serve, good);
  const card = node(page, 'only');
  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 40, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await toolbarButton(page, 'Run').click();
  await expect(refused).toContainText('changes that are not saved');
  await refused.getByTestId('run-save-and-run').click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(runHeader(page)).toHaveAttribute('data-state', 'success', { timeout: 60_000 });
  await expect(page.getByTestId('log-only')).toContainText('ran after saving');
  const saved = JSON.parse(readFileSync(good, 'utf8')) as { tasks: { position: { x: number } }[] };
  expect(saved.tasks[0]!.position.x).not.toBe(0);
});
