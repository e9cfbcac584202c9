import { rmSync } from 'node:fs';
import { test, expect } from './support/serve';
import { node, toolbarButton } from './support/designer-helpers';
import { openPipeline, writePipeline } from './run-support';

/* The recent files, as the Open dialog and the welcome screen both list them (renderer/dialogs/RecentFileList.tsx). */

test('files opened before are listed in Open and on the welcome screen; one gone from disk is listed but cannot be opened', async ({ page, serve }) => {
  const kept = writePipeline(serve, 'kept_one', [{ id: 'kept_task', command: 'true' }], []);
  const gone = writePipeline(serve, 'gone_one', [{ id: 'gone_task', command: 'true' }], []);
  await openPipeline(page, serve, kept);
  await openPipeline(page, serve, gone);
  rmSync(gone);

  await toolbarButton(page, 'Open').click();
  const dialog = page.getByTestId('open-dialog');
  const keptEntry = dialog.getByRole('button', { name: /kept_one\.dag\.json/ });
  const goneEntry = dialog.getByRole('button', { name: /gone_one\.dag\.json/ });
  await expect(goneEntry).toBeDisabled();
  await expect(keptEntry).toBeEnabled();
  await keptEntry.click();
  await expect(dialog).toBeHidden();
  await expect(node(page, 'kept_task')).toBeVisible();

  await page.goto(serve.url);
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('button', { name: /gone_one\.dag\.json/ })).toBeDisabled();
  await welcome.getByRole('button', { name: /kept_one\.dag\.json/ }).click();
  await expect(welcome).toBeHidden();
  await expect(node(page, 'kept_task')).toBeVisible();
});
