import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import { clickTask, dragFromPalette, mod, node, openNewPipeline, renameSelected, setCode, taskIds, toolbarButton } from './support/designer-helpers';

/* Files in the designer: import (good and broken), the unsaved-work prompt, examples that are read-only. */

const GOOD = {
  format: 'dagstudio/pipeline',
  version: 1,
  id: 'imported_pipeline',
  schedule: null,
  params: {},
  groups: [],
  tasks: [
    { id: 'hello', operator: 'bash', config: { command: 'echo hello' }, position: { x: 0, y: 0 } },
    { id: 'world', operator: 'bash', config: { command: 'echo world' }, position: { x: 300, y: 0 } },
  ],
  edges: [{ from: 'hello', to: 'world' }],
};

async function importFile(page: import('@playwright/test').Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await toolbarButton(page, 'Import').click();
  await (await chooser).setFiles(path);
}

test('importing a broken file shows its problems and leaves the open pipeline untouched', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await dragFromPalette(page, 'bash', { x: 200, y: 150 });
  await renameSelected(page, 'keep_me');
  await setCode(page, 'command', 'echo still here');

  const broken = join(serve.home, 'broken.dag.json');
  writeFileSync(broken, JSON.stringify({ ...GOOD, tasks: [{ ...GOOD.tasks[0], operator: 'bsh' }, GOOD.tasks[1]], edges: [{ from: 'hello', to: 'nowhere' }] }, null, 2));
  await importFile(page, broken);
  const dialog = page.getByTestId('import-problems');
  await expect(dialog).toContainText('broken.dag.json has');
  await expect(dialog).toContainText('tasks[0].operator');
  await expect(dialog).toContainText('unknown operator "bsh"');
  await expect(dialog).toContainText('edges[0]');
  await expect(dialog).toContainText('the pipeline you have open is unchanged');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  const notJson = join(serve.home, 'not-json.json');
  writeFileSync(notJson, '{ "format": "dagstudio/pipeline", ');
  await importFile(page, notJson);
  await expect(page.getByTestId('import-problems')).toContainText(/invalid JSON at line 1, column \d+/);
  await page.getByTestId('import-problems').getByRole('button', { name: 'Close', exact: true }).click();

  expect(await taskIds(page)).toEqual(['keep_me']);
  await clickTask(page, 'keep_me');
  await expect(page.getByTestId('field-command')).toContainText('echo still here');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
});

test('importing a good file replaces the pipeline after asking about unsaved work, and it is unsaved until saved', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await dragFromPalette(page, 'empty', { x: 200, y: 150 });
  const good = join(serve.home, 'good.dag.json');
  writeFileSync(good, JSON.stringify(GOOD, null, 2));

  await importFile(page, good);
  const prompt = page.getByTestId('confirm-discard');
  await expect(prompt).toContainText('has changes that are not saved');
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  await expect(node(page, 'empty_1')).toBeVisible();

  await importFile(page, good);
  await page.getByTestId('confirm-discard').getByRole('button', { name: 'Don’t save' }).click();
  await expect(node(page, 'hello')).toBeVisible();
  await expect(node(page, 'world')).toBeVisible();
  await expect(page.getByTestId('rf__edge-hello->world')).toBeAttached();
  await expect(node(page, 'empty_1')).toHaveCount(0);
  await expect(page.getByTestId('pipeline-name')).toHaveText('imported_pipeline');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
});

test('an example opens read-only: Save asks for a new file, and the example stays as it was', async ({ page, serve }) => {
  await page.goto(serve.url);
  const card = page.getByTestId('example-local-mlops');
  await expect(card).toBeVisible();
  await card.click();
  await expect(page.locator('.task-node').first()).toBeVisible();
  const tasks = await taskIds(page);
  expect(tasks.length).toBeGreaterThan(5);
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);

  await toolbarButton(page, 'Save').click();
  const dialog = page.getByTestId('save-as-dialog');
  await expect(dialog.getByLabel('File path')).toHaveValue(join(serve.home, 'local_mlops.dag.json'));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  const copy = readFileSync(join(serve.home, 'local_mlops.dag.json'), 'utf8');
  expect(JSON.parse(copy).tasks).toHaveLength(tasks.length);

  // Saving again to an existing file without saying so is refused; Replace overwrites it.
  await toolbarButton(page, 'New').click();
  await dragFromPalette(page, 'empty', { x: 200, y: 150 });
  await page.keyboard.press(`${mod}+Shift+s`);
  const again = page.getByTestId('save-as-dialog');
  await again.getByLabel('File path').fill(join(serve.home, 'local_mlops.dag.json'));
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again).toContainText('already exists');
  await again.getByRole('button', { name: 'Replace' }).click();
  await expect(again).toBeHidden();
  expect(JSON.parse(readFileSync(join(serve.home, 'local_mlops.dag.json'), 'utf8')).tasks).toHaveLength(1);
});
