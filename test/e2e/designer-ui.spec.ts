import { join } from 'node:path';
import { test, expect } from './support/serve';
import { clickTask, connect, dragFromPalette, node, openNewPipeline, renameSelected, setCode, toolbarButton } from './support/designer-helpers';

/* The designer's promises about names, labels, themes and keyboard help, and nodes painted by a real run. */

const TOOLBAR = ['Run', 'Cancel', 'Save', 'Open', 'Import', 'Export JSON', 'Export Airflow', 'Auto layout', 'Undo', 'Redo'];

/** Form controls and buttons in `scope` that a screen reader could not name. */
async function unnamedControls(page: import('@playwright/test').Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluate((root) => {
    const named = (el: Element): boolean => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if ((el as HTMLInputElement).labels?.length) return [...(el as HTMLInputElement).labels!].some((l) => l.textContent?.trim());
      if (el.tagName === 'BUTTON') return Boolean(el.textContent?.trim());
      return false;
    };
    const controls = root.querySelectorAll('input:not([type=hidden]), select, textarea, button, [contenteditable=true]');
    return [...controls].filter((el) => !named(el)).map((el) => el.outerHTML.slice(0, 120));
  });
}

test('the toolbar buttons carry exactly the names of DESIGN.md §5 and every control has a name', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  for (const name of TOOLBAR) await expect(toolbarButton(page, name)).toHaveCount(1);
  expect(await unnamedControls(page, '.toolbar')).toEqual([]);
  expect(await unnamedControls(page, '.palette')).toEqual([]);
});

test('every field of every operator’s generated form has a label', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  const operators = await page.locator('[data-testid^="palette-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('palette-'.length)));
  expect(operators.length).toBeGreaterThanOrEqual(14);
  for (const operator of operators) {
    await page.getByTestId(`palette-${operator}`).click();
    const panel = page.getByTestId('task-properties');
    await expect(panel).toBeVisible();
    // Open folded sections and optional nested objects so their fields are drawn too.
    for (const details of await panel.locator('details.advanced:not([open]) > summary').all()) await details.click();
    for (const toggle of await panel.locator('fieldset legend input[type=checkbox]:not(:checked)').all()) await toggle.check();
    expect(await unnamedControls(page, '[data-testid="task-properties"]'), operator).toEqual([]);
  }
});

test('the palette filters by name and description, and a click adds the operator at the centre', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await page.getByLabel('Search operators').fill('sagemaker');
  await expect(page.getByTestId('palette-sagemaker_training')).toBeVisible();
  await expect(page.getByTestId('palette-bash')).toHaveCount(0);
  await page.getByTestId('palette-sagemaker_training').click();
  await expect(node(page, 'sagemaker_training_1')).toBeVisible();
  await expect(page.getByTestId('task-properties')).toContainText('SageMaker training');
  // The connection picker lists connections of the right kind; a masked secret field exists in other operators.
  await page.getByLabel('Search operators').fill('');
  await expect(page.getByTestId('palette-bash')).toBeVisible();
});

test('the Help dialog lists the keyboard shortcuts, and F1 opens it', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await page.keyboard.press('F1');
  const help = page.getByTestId('help-dialog');
  await expect(help).toBeVisible();
  for (const label of ['Undo', 'Redo', 'Copy', 'Paste', 'Duplicate', 'Delete selection', 'Group selection', 'Auto layout', 'Save']) {
    await expect(help.getByRole('cell', { name: label, exact: true }).first()).toBeVisible();
  }
  await expect(help).toContainText('Ctrl+Shift+Z');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('the theme follows the OS and the toggle overrides it', async ({ page, serve }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openNewPipeline(page, serve.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme-toggle').click(); // system → light
  await page.getByTestId('theme-toggle').click(); // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('Run paints each task’s state on its node as the run goes', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  await dragFromPalette(page, 'bash', { x: 150, y: 150 });
  await renameSelected(page, 'ok');
  await setCode(page, 'command', 'echo fine');
  await dragFromPalette(page, 'bash', { x: 420, y: 150 });
  await renameSelected(page, 'boom');
  await setCode(page, 'command', 'sleep 4; exit 3');
  await dragFromPalette(page, 'empty', { x: 420, y: 330 });
  await renameSelected(page, 'after');
  await connect(page, 'ok', 'boom');
  await connect(page, 'boom', 'after');
  await clickTask(page, 'ok');
  await expect(node(page, 'ok')).toHaveAttribute('data-state', 'none');
  // A run runs the saved file (its folder is the tasks' working directory): save first.
  await toolbarButton(page, 'Save').click();
  const save = page.getByTestId('save-as-dialog');
  await save.getByLabel('File path').fill(join(serve.home, 'states.dag.json'));
  await save.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);

  await toolbarButton(page, 'Run').click();
  await expect(node(page, 'boom')).toHaveAttribute('data-state', 'running', { timeout: 30_000 });
  await expect(node(page, 'ok')).toHaveAttribute('data-state', 'success');
  await expect(node(page, 'boom')).toHaveAttribute('data-state', 'failed', { timeout: 30_000 });
  await expect(node(page, 'after')).toHaveAttribute('data-state', 'upstream_failed');
  await expect(page.getByTestId('state-boom')).toHaveText('failed');
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'failed');
});
