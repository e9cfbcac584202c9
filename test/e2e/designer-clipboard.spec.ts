import type { Page } from '@playwright/test';
import { test, expect } from './support/serve';
import { clickEmptyCanvas, clickTask, connect, dragFromPalette, edge, mod, node, openNewPipeline, renameSelected, setCode, taskIds } from './support/designer-helpers';

/* Copy and paste through the system clipboard: between two pages, and what happens to text that is not tasks. */

async function addTask(page: Page, operator: string, id: string, at: { x: number; y: number }, command?: string): Promise<void> {
  await dragFromPalette(page, operator, at);
  await renameSelected(page, id);
  if (command !== undefined) await setCode(page, 'command', command);
}

/** Presses a shortcut with the canvas (not a form field) focused. */
async function press(page: Page, keys: string): Promise<void> {
  await clickEmptyCanvas(page);
  await page.keyboard.press(keys);
}

const systemClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const putOnClipboard = (page: Page, text: string) => page.evaluate((t) => navigator.clipboard.writeText(t), text);

test.describe('with the clipboard allowed', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('tasks copied in one page paste into another page with unique ids, their config and only their internal edges', async ({ page, context, serve }) => {
    await openNewPipeline(page, serve.url);
    await addTask(page, 'bash', 'extract', { x: 150, y: 140 }, 'echo extracting');
    await addTask(page, 'bash', 'load', { x: 430, y: 140 }, 'echo loading');
    await addTask(page, 'empty', 'report', { x: 430, y: 340 });
    await connect(page, 'extract', 'load');
    await connect(page, 'load', 'report');
    await clickTask(page, 'extract');
    await clickTask(page, 'load', true);
    await page.keyboard.press(`${mod}+c`);
    await expect.poll(async () => JSON.parse(await systemClipboard(page)) as { format: string; version: number; tasks: { id: string }[] }).toMatchObject({
      format: 'dagstudio/clipboard',
      version: 1,
      tasks: [{ id: 'extract' }, { id: 'load' }],
    });

    const second = await context.newPage();
    await openNewPipeline(second, serve.url);
    await addTask(second, 'python', 'extract', { x: 200, y: 400 });
    await second.bringToFront();
    await press(second, `${mod}+v`);
    await expect(node(second, 'extract_2')).toBeVisible();
    await expect(node(second, 'load')).toBeVisible();
    await expect(edge(second, 'extract_2', 'load')).toBeAttached();
    expect((await taskIds(second)).sort()).toEqual(['extract', 'extract_2', 'load']);
    await clickEmptyCanvas(second);
    await clickTask(second, 'load');
    await expect(second.getByTestId('field-command')).toContainText('echo loading');
    // The pasted tasks are one undoable edit.
    await second.keyboard.press(`${mod}+z`);
    expect(await taskIds(second)).toEqual(['extract']);
  });

  test('text that is not tasks is ignored with a notice, a broken envelope is refused, and copy and paste still work after', async ({ page, serve }) => {
    await openNewPipeline(page, serve.url);
    await addTask(page, 'bash', 'keep', { x: 200, y: 150 }, 'echo keep');

    await putOnClipboard(page, 'just some words');
    await press(page, `${mod}+v`);
    await expect(page.getByTestId('notice')).toContainText('the clipboard holds no dagstudio tasks');

    await putOnClipboard(page, JSON.stringify({ format: 'dagstudio/clipboard', version: 1, tasks: [{ id: 'bad id', operator: 'bash', config: {}, position: { x: 0, y: 0 } }] }));
    await press(page, `${mod}+v`);
    await expect(page.getByTestId('notice')).toContainText('Cannot paste these tasks: tasks[0].id: may contain only');

    await putOnClipboard(page, JSON.stringify({ format: 'dagstudio/clipboard', version: 7, tasks: [] }));
    await press(page, `${mod}+v`);
    await expect(page.getByTestId('notice')).toContainText('copied by a newer dagstudio');
    expect(await taskIds(page)).toEqual(['keep']);

    await clickTask(page, 'keep');
    await page.keyboard.press(`${mod}+c`);
    await press(page, `${mod}+v`);
    await expect(node(page, 'keep_2')).toBeVisible();
  });
});

test.describe('with clipboard reading refused', () => {
  test.use({ permissions: ['clipboard-write'] });

  test('paste falls back to the app’s own copy', async ({ page, serve }) => {
    await openNewPipeline(page, serve.url);
    await addTask(page, 'bash', 'a', { x: 150, y: 140 });
    await addTask(page, 'bash', 'b', { x: 430, y: 140 });
    await connect(page, 'a', 'b');
    await clickTask(page, 'a');
    await clickTask(page, 'b', true);
    await page.keyboard.press(`${mod}+x`);
    await expect(node(page, 'a')).toHaveCount(0);
    await expect(systemClipboard(page)).rejects.toThrow(/denied|not allowed/i);
    await press(page, `${mod}+v`);
    await expect(node(page, 'a')).toBeVisible();
    await expect(edge(page, 'a', 'b')).toBeAttached();
    await press(page, `${mod}+v`);
    await expect(node(page, 'a_2')).toBeVisible();
    await expect(edge(page, 'a_2', 'b_2')).toBeAttached();
  });
});
