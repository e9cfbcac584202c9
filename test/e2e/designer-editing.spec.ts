import { join } from 'node:path';
import { test, expect } from './support/serve';
import { canvas, clickEmptyCanvas, clickTask, connect, dragFromPalette, edge, mod, node, openNewPipeline, renameSelected, toolbarButton } from './support/designer-helpers';

/* More of the editor: box selection, duplicate, renaming with edges, moving tasks in and out of groups, settings dialogs. */

test('box selection, duplicate, a rename that keeps edges, and tasks moved in and out of a group', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await dragFromPalette(page, 'bash', { x: 150, y: 140 });
  await renameSelected(page, 'a');
  await dragFromPalette(page, 'bash', { x: 420, y: 140 });
  await renameSelected(page, 'b');
  await dragFromPalette(page, 'empty', { x: 420, y: 340 });
  await renameSelected(page, 'c');
  await connect(page, 'a', 'b');
  await connect(page, 'b', 'c');

  await test.step('renaming a connected task rewrites its edges', async () => {
    await clickTask(page, 'b');
    await renameSelected(page, 'middle');
    await expect(edge(page, 'a', 'middle')).toBeAttached();
    await expect(edge(page, 'middle', 'c')).toBeAttached();
    await expect(node(page, 'b')).toHaveCount(0);
  });

  await test.step('Shift+drag draws a box that selects the tasks inside it', async () => {
    await clickEmptyCanvas(page);
    const box = (await canvas(page).boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 20, box.y + 60);
    await page.mouse.down();
    await page.mouse.move(box.x + 560, box.y + 200, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect(page.getByTestId('multi-selection')).toContainText('2 tasks');
  });

  await test.step('Ctrl+D duplicates the selection with its internal edge', async () => {
    await page.keyboard.press(`${mod}+d`);
    await expect(node(page, 'a_2')).toBeVisible();
    await expect(node(page, 'middle_2')).toBeVisible();
    await expect(edge(page, 'a_2', 'middle_2')).toBeAttached();
    await page.keyboard.press('Delete');
    await expect(node(page, 'a_2')).toHaveCount(0);
  });

  await test.step('a task moves into a group and out again from its Group field; Ungroup keeps the tasks and undo brings the group back', async () => {
    await clickTask(page, 'a');
    await clickTask(page, 'middle', true);
    await toolbarButton(page, 'Group selection').click();
    await expect(page.getByTestId('group-group')).toContainText('2');
    await clickTask(page, 'c');
    await page.getByTestId('setting-group').selectOption('group');
    await expect(page.getByTestId('group-group')).toContainText('3');
    await page.getByTestId('setting-group').selectOption('');
    await expect(page.getByTestId('group-group')).toContainText('2');
    await page.getByTestId('group-group').locator('.group-label').click();
    await page.getByTestId('group-properties').getByRole('button', { name: 'Ungroup' }).click();
    await expect(page.getByTestId('group-group')).toHaveCount(0);
    await expect(node(page, 'a')).toBeVisible();
    await toolbarButton(page, 'Undo').click();
    await expect(page.getByTestId('group-group')).toBeVisible();
  });
});

test('connections made in the Connections dialog are offered by the connection picker, and secrets are masked', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await toolbarButton(page, 'Connections').click();
  const dialog = page.getByTestId('connections-dialog');
  await dialog.getByRole('button', { name: 'AWS connection' }).click();
  await dialog.getByLabel('Name').fill('local_s3');
  await dialog.getByLabel('Region').fill('us-east-1');
  await dialog.getByLabel('Secret access key').fill('s3cr3t-value');
  await expect(dialog.getByLabel('Secret access key')).toHaveAttribute('type', 'password');
  await dialog.getByLabel('Endpoint URL').fill('http://127.0.0.1:9000');
  await dialog.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog.getByRole('cell', { name: 'local_s3', exact: true })).toBeVisible();
  await expect(dialog).not.toContainText('s3cr3t-value');
  await dialog.getByRole('button', { name: 'Close dialog' }).click();

  await page.getByTestId('palette-s3_upload').click();
  const picker = page.getByTestId('field-connection');
  await expect(picker.locator('option', { hasText: 'local_s3' })).toHaveCount(1);
  await picker.selectOption('local_s3');
  await expect(picker).toHaveValue('local_s3');

  await page.getByTestId('palette-notify').scrollIntoViewIfNeeded();
  await page.getByTestId('palette-notify').click();
  await expect(page.getByTestId('field-channels.webhook_url')).toHaveAttribute('type', 'password');
});

test('variables are listed after they are added, a secret one masked', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await toolbarButton(page, 'Variables').click();
  const dialog = page.getByTestId('variables-dialog');
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await dialog.getByLabel('Name').fill('bucket');
  await dialog.getByLabel('Value').fill('ml-data');
  await dialog.getByRole('button', { name: 'Save variable' }).click();
  await expect(dialog.getByRole('cell', { name: 'ml-data', exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await dialog.getByLabel('Name').fill('api_token');
  await dialog.getByLabel('Value').fill('tok-123456');
  await dialog.getByLabel(/Secret/).check();
  await dialog.getByRole('button', { name: 'Save variable' }).click();
  await expect(dialog.getByRole('cell', { name: 'api_token', exact: true })).toBeVisible();
  await expect(dialog).not.toContainText('tok-123456');
});

test('pipeline settings check as you type, and a saved file shows up in the recent files', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await page.getByRole('toolbar').getByRole('button', { name: 'Pipeline settings', exact: true }).click();
  const dialog = page.getByTestId('pipeline-settings');
  await dialog.getByTestId('pipeline-id').fill('nightly training');
  await expect(dialog).toContainText('may contain only letters, digits');
  await dialog.getByTestId('pipeline-id').fill('nightly_training');
  await dialog.getByTestId('pipeline-schedule').fill('every day');
  await expect(dialog).toContainText('must be a cron expression');
  await dialog.getByTestId('pipeline-schedule').fill('0 6 * * *');
  await expect(dialog.locator('.field-messages')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('pipeline-name')).toHaveText('nightly_training');

  await dragFromPalette(page, 'empty', { x: 200, y: 150 });
  await toolbarButton(page, 'Save').click();
  const save = page.getByTestId('save-as-dialog');
  await expect(save.getByLabel('File path')).toHaveValue(join(serve.home, 'nightly_training.dag.json'));
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);

  await page.reload();
  const recent = page.getByTestId('welcome').getByRole('button', { name: /nightly_training\.dag\.json/ });
  await expect(recent).toBeVisible();
  await recent.click();
  await expect(node(page, 'empty_1')).toBeVisible();
});
