import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import { clickTask, dragFromPalette, node, openNewPipeline, renameSelected, setCode, taskIds, toolbarButton } from './support/designer-helpers';

/* Open in the browser host: besides a path on the host, a file from this computer, checked as Import checks it. */

const PIPELINE = {
  format: 'dagstudio/pipeline',
  version: 1,
  id: 'from_my_laptop',
  schedule: null,
  params: {},
  groups: [],
  tasks: [
    { id: 'fetch', operator: 'bash', config: { command: 'echo fetch' }, position: { x: 0, y: 0 } },
    { id: 'train', operator: 'bash', config: { command: 'echo train' }, position: { x: 320, y: 0 } },
  ],
  edges: [{ from: 'fetch', to: 'train' }],
};

const asFile = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value, null, 2)) });

test('Choose file… opens a pipeline from this computer unsaved, and Save then asks where to keep it', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await toolbarButton(page, 'Open').click();
  const dialog = page.getByTestId('open-dialog');
  // The path box for files on the host is still there.
  await expect(dialog.getByLabel('File path')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await (await chooser).setFiles(asFile('laptop.dag.json', PIPELINE));

  await expect(dialog).toBeHidden();
  await expect(node(page, 'fetch')).toBeVisible();
  await expect(node(page, 'train')).toBeVisible();
  await expect(page.getByTestId('rf__edge-fetch->train')).toBeAttached();
  await expect(page.getByTestId('pipeline-name')).toHaveText('from_my_laptop');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Opened laptop.dag.json');

  await toolbarButton(page, 'Save').click();
  const save = page.getByTestId('save-as-dialog');
  await expect(save.getByLabel('File path')).toHaveValue(join(serve.home, 'from_my_laptop.dag.json'));
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
  const saved = JSON.parse(readFileSync(join(serve.home, 'from_my_laptop.dag.json'), 'utf8')) as typeof PIPELINE;
  expect(saved.tasks.map((t) => [t.id, t.config.command])).toEqual([
    ['fetch', 'echo fetch'],
    ['train', 'echo train'],
  ]);
  expect(saved.edges).toEqual(PIPELINE.edges);
});

test('a broken file chosen in Open shows its problems and leaves the open pipeline untouched', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await dragFromPalette(page, 'bash', { x: 200, y: 150 });
  await renameSelected(page, 'keep_me');
  await setCode(page, 'command', 'echo still here');

  await toolbarButton(page, 'Open').click();
  const broken = { ...PIPELINE, tasks: [{ ...PIPELINE.tasks[0], operator: 'bsh' }, PIPELINE.tasks[1]] };
  await page.getByTestId('open-file-input').setInputFiles(asFile('broken.dag.json', broken));
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('broken.dag.json has');
  await expect(problems).toContainText('unknown operator "bsh"');
  await expect(problems).toContainText('the pipeline you have open is unchanged');
  await problems.getByRole('button', { name: 'Close', exact: true }).click();

  await toolbarButton(page, 'Open').click();
  await page.getByTestId('open-file-input').setInputFiles(asFile('half.json', '{ "format": "dagstudio/pipeline", '));
  await expect(page.getByTestId('import-problems')).toContainText(/invalid JSON at line 1, column \d+/);
  await page.getByTestId('import-problems').getByRole('button', { name: 'Close', exact: true }).click();

  expect(await taskIds(page)).toEqual(['keep_me']);
  await clickTask(page, 'keep_me');
  await expect(page.getByTestId('field-command')).toContainText('echo still here');
  await expect(page.getByTestId('dirty-marker')).toBeVisible();
});

test('a good file chosen over unsaved work asks first, and Cancel keeps the work', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await dragFromPalette(page, 'empty', { x: 200, y: 150 });
  await toolbarButton(page, 'Open').click();
  await page.getByTestId('open-file-input').setInputFiles(asFile('laptop.dag.json', PIPELINE));
  const prompt = page.getByTestId('confirm-discard');
  await expect(prompt).toContainText('has changes that are not saved');
  await prompt.getByRole('button', { name: 'Cancel' }).click();
  expect(await taskIds(page)).toEqual(['empty_1']);
});
