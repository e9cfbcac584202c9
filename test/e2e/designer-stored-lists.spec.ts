import { test, expect } from './support/serve';
import { openNewPipeline, toolbarButton } from './support/designer-helpers';

/*
 * The Variables and Connections dialogs share one list-and-editor scaffold (renderer/dialogs/ListEditDialog.tsx):
 * the empty list, Edit (the name fixed, the new value listed after saving), Cancel, a save the host or the schema
 * refuses (the error shown, the editor left open), and Delete.
 */

test('a variable is added, edited, left with Cancel and deleted, and an invalid name cannot be saved', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await toolbarButton(page, 'Variables').click();
  const dialog = page.getByTestId('variables-dialog');
  await expect(dialog.getByRole('cell', { name: 'No variables yet.' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Add variable' }).click();
  await dialog.getByLabel('Name').fill('bad name');
  await expect(dialog.getByRole('button', { name: 'Save variable' })).toBeDisabled();
  await dialog.getByLabel('Name').fill('bucket');
  await dialog.getByLabel('Value').fill('ml-data');
  await dialog.getByLabel('Description').fill('where the data lives');
  await dialog.getByRole('button', { name: 'Save variable' }).click();
  await expect(dialog.getByRole('cell', { name: 'ml-data', exact: true })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'where the data lives' })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'No variables yet.' })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Edit variable bucket' }).click();
  await expect(dialog.getByLabel('Name')).toHaveValue('bucket');
  await expect(dialog.getByLabel('Name')).toBeDisabled();
  await dialog.getByLabel('Value').fill('ml-data-2');
  await dialog.getByRole('button', { name: 'Save variable' }).click();
  await expect(dialog.getByRole('cell', { name: 'ml-data-2', exact: true })).toBeVisible();
  await expect(dialog.getByRole('form', { name: 'Variable' })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Edit variable bucket' }).click();
  await dialog.getByLabel('Value').fill('not kept');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('form', { name: 'Variable' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Add variable' })).toBeVisible();
  await expect(dialog).not.toContainText('not kept');

  await dialog.getByRole('button', { name: 'Delete variable bucket' }).click();
  await expect(dialog.getByRole('cell', { name: 'No variables yet.' })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'ml-data-2', exact: true })).toHaveCount(0);
});

test('a connection the schema refuses shows why and stays open; saved, it is listed, edited and deleted', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await toolbarButton(page, 'Connections').click();
  const dialog = page.getByTestId('connections-dialog');
  await expect(dialog.getByRole('cell', { name: 'No connections yet.' })).toBeVisible();

  await dialog.getByRole('button', { name: 'HTTP connection' }).click();
  const form = dialog.getByRole('form', { name: 'HTTP connection' });
  await expect(form.getByRole('heading', { name: 'New HTTP connection' })).toBeVisible();
  await form.getByLabel('Base URL').fill('http://127.0.0.1:8080');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(form.locator('p.error-text[role="alert"]')).toHaveText('name: must not be empty');
  await expect(dialog.getByRole('cell', { name: 'No connections yet.' })).toBeVisible();

  await form.getByLabel('Name').fill('model_api');
  await form.getByLabel('Token').fill('tok-abcdef');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(form).toHaveCount(0);
  await expect(dialog.getByRole('cell', { name: 'model_api', exact: true })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'HTTP', exact: true })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'http://127.0.0.1:8080', exact: true })).toBeVisible();

  await dialog.getByRole('button', { name: 'Edit connection model_api' }).click();
  await expect(form.getByRole('heading', { name: 'Edit HTTP connection' })).toBeVisible();
  await expect(form.getByLabel('Name')).toBeDisabled();
  await expect(form.getByLabel('Token')).toHaveAttribute('type', 'password');
  await expect(form.getByLabel('Token')).not.toHaveValue('tok-abcdef');
  await form.getByLabel('Base URL').fill('http://127.0.0.1:9090');
  await form.getByRole('button', { name: 'Save connection' }).click();
  await expect(dialog.getByRole('cell', { name: 'http://127.0.0.1:9090', exact: true })).toBeVisible();

  await dialog.getByRole('button', { name: 'Delete connection model_api' }).click();
  await expect(dialog.getByRole('cell', { name: 'No connections yet.' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'AWS connection' })).toBeVisible();
});
