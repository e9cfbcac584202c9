import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import {
  clickEmptyCanvas,
  clickTask,
  connect,
  dragFromPalette,
  edge,
  fitView,
  mod,
  node,
  openNewPipeline,
  position,
  renameSelected,
  setCode,
  settle,
  taskIds,
  toolbarButton,
} from './support/designer-helpers';

/*
 * The designer's main user story, in the real UI through `dagstudio serve`: build a five-task
 * pipeline with the mouse, fill its forms, meet and fix a problem, get a cycle refused, undo and
 * redo, copy and paste, group, lay out, save, reopen and export — and check the file on disk.
 */

test('a five-task pipeline is built with the mouse, edited, saved, reopened and exported byte for byte', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);

  await test.step('drag five operators from the palette and name them', async () => {
    const plan: [string, string, { x: number; y: number }][] = [
      ['bash', 'extract', { x: 150, y: 120 }],
      ['python', 'transform', { x: 410, y: 120 }],
      ['python', 'train', { x: 670, y: 120 }],
      ['bash', 'evaluate', { x: 150, y: 330 }],
      ['empty', 'report', { x: 410, y: 330 }],
    ];
    for (const [operator, id, at] of plan) {
      const created = await dragFromPalette(page, operator, at);
      expect(created).toBe(`${operator}_1`);
      await renameSelected(page, id);
    }
    expect((await taskIds(page)).sort()).toEqual(['evaluate', 'extract', 'report', 'train', 'transform']);
    await expect(node(page, 'train')).toHaveAttribute('data-state', 'none');
  });

  await test.step('connect them by dragging between handles', async () => {
    await connect(page, 'extract', 'transform');
    await connect(page, 'transform', 'train');
    await connect(page, 'train', 'evaluate');
    await connect(page, 'evaluate', 'report');
    for (const [a, b] of [
      ['extract', 'transform'],
      ['transform', 'train'],
      ['train', 'evaluate'],
      ['evaluate', 'report'],
    ] as const) {
      await expect(edge(page, a, b)).toBeAttached();
    }
  });

  await test.step('a missing required field is shown next to the field and in the Problems list, and fixing it clears both', async () => {
    await clickTask(page, 'extract');
    const props = page.getByTestId('task-properties');
    const command = props.locator('.field', { has: page.getByTestId('field-command') });
    await expect(command.locator('.field-messages')).toHaveText(/required/);
    await expect(node(page, 'extract').getByLabel(/problems/)).toBeVisible();

    await page.getByTestId('problems-tab').click();
    const evaluateProblem = page.getByTestId('problem').filter({ hasText: 'evaluate' });
    await expect(evaluateProblem).toContainText('config.command');
    await evaluateProblem.click();
    await settle(page);
    await page.getByRole('tab', { name: 'Properties' }).click();
    await expect(page.getByTestId('setting-id')).toHaveValue('evaluate');

    await setCode(page, 'command', 'test -s "$DATA" && echo evaluated');
    await fitView(page);
    await expect(page.getByTestId('task-properties').locator('.field', { has: page.getByTestId('field-command') }).locator('.field-messages')).toHaveCount(0);

    await clickTask(page, 'extract');
    await setCode(page, 'command', 'echo "fetching {{ ds }}"');
    await expect(command.locator('.field-messages')).toHaveCount(0);
    await expect(node(page, 'extract').getByLabel(/problems/)).toHaveCount(0);

    await clickTask(page, 'transform');
    await setCode(page, 'code', 'print("transformed")');
    await clickTask(page, 'train');
    await setCode(page, 'code', 'import json\nprint(json.dumps({"accuracy": 0.93}))');
    await page.getByTestId('setting-retries').fill('2');
    await page.getByTestId('setting-note').fill('Trains the model; retried twice.');
    await expect(page.getByTestId('note-train')).toHaveText('Trains the model; retried twice.');
    await expect(page.getByTestId('problem-count')).toHaveText('0');
  });

  await test.step('a connection that would close a cycle is refused, and the message names the cycle', async () => {
    await connect(page, 'report', 'extract');
    await expect(page.getByTestId('notice')).toContainText('This connection would create a cycle: report → extract → transform → train → evaluate → report');
    await expect(edge(page, 'report', 'extract')).toHaveCount(0);
    await connect(page, 'extract', 'transform');
    await expect(page.getByTestId('notice')).toContainText('extract → transform is already connected');
  });

  await test.step('undo and redo a deletion and a property edit', async () => {
    await clickTask(page, 'report');
    await page.keyboard.press('Delete');
    await expect(node(page, 'report')).toHaveCount(0);
    await expect(edge(page, 'evaluate', 'report')).toHaveCount(0);
    await page.keyboard.press(`${mod}+z`);
    await expect(node(page, 'report')).toBeVisible();
    await expect(edge(page, 'evaluate', 'report')).toBeAttached();
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect(node(page, 'report')).toHaveCount(0);
    await toolbarButton(page, 'Undo').click();
    await expect(node(page, 'report')).toBeVisible();

    await clickTask(page, 'train');
    await page.getByTestId('setting-retries').fill('5');
    await clickEmptyCanvas(page);
    await page.keyboard.press(`${mod}+z`);
    await clickTask(page, 'train');
    await expect(page.getByTestId('setting-retries')).toHaveValue('2');
    await toolbarButton(page, 'Redo').click();
    await expect(page.getByTestId('setting-retries')).toHaveValue('5');
    await toolbarButton(page, 'Undo').click();
    await expect(page.getByTestId('setting-retries')).toHaveValue('2');
  });

  await test.step('copy and paste two connected tasks: new unique ids, the edge between them kept', async () => {
    await clickTask(page, 'train');
    await clickTask(page, 'evaluate', true);
    await page.keyboard.press(`${mod}+c`);
    await page.keyboard.press(`${mod}+v`);
    await expect(node(page, 'train_2')).toBeVisible();
    await expect(node(page, 'evaluate_2')).toBeVisible();
    await expect(edge(page, 'train_2', 'evaluate_2')).toBeAttached();
    await expect(edge(page, 'transform', 'train_2')).toHaveCount(0);
    await expect(edge(page, 'evaluate_2', 'report')).toHaveCount(0);
    // The pasted copies are selected: one Delete removes them both.
    await page.keyboard.press('Delete');
    await expect(node(page, 'train_2')).toHaveCount(0);
    await expect(node(page, 'evaluate_2')).toHaveCount(0);
  });

  await test.step('group two tasks, rename, collapse and expand the group', async () => {
    await clickTask(page, 'transform');
    await clickTask(page, 'train', true);
    await page.keyboard.press(`${mod}+g`);
    const frame = page.getByTestId('group-group');
    await expect(frame).toBeVisible();
    await page.getByTestId('group-label').fill('ML engineering');
    await expect(frame).toContainText('ML engineering');
    await frame.getByRole('button', { name: 'Collapse group ML engineering' }).click();
    await expect(frame).toHaveAttribute('data-collapsed', 'true');
    await expect(node(page, 'train')).toHaveCount(0);
    await expect(page.getByTestId('rf__edge-extract->group:group')).toBeAttached();
    await frame.getByRole('button', { name: 'Expand group ML engineering' }).click();
    await expect(node(page, 'train')).toBeVisible();
  });

  await test.step('auto layout puts the chain left to right on one row, and undo puts it back', async () => {
    await toolbarButton(page, 'Auto layout').click();
    await expect
      .poll(async () => {
        const xs = await Promise.all(['extract', 'transform', 'train', 'evaluate', 'report'].map(async (id) => (await position(page, id)).x));
        return xs.every((x, i) => i === 0 || x > xs[i - 1]!);
      })
      .toBe(true);
    const rows = await Promise.all(['extract', 'evaluate', 'report'].map(async (id) => (await position(page, id)).y));
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThan(40);
    await toolbarButton(page, 'Undo').click();
    await fitView(page);
    await expect.poll(async () => (await position(page, 'evaluate')).y > (await position(page, 'extract')).y + 50).toBe(true);
    await toolbarButton(page, 'Redo').click();
  });

  const file = join(serve.home, 'designer.dag.json');
  let saved = '';

  await test.step('save to a new file: the dirty marker goes away and the file is the pipeline', async () => {
    await expect(page.getByTestId('dirty-marker')).toBeVisible();
    await toolbarButton(page, 'Save').click();
    const dialog = page.getByTestId('save-as-dialog');
    await dialog.getByLabel('File path').fill(file);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
    saved = readFileSync(file, 'utf8');
    const doc = JSON.parse(saved) as { tasks: { id: string; operator: string; group?: string; retries?: number; note?: string; config: Record<string, unknown> }[]; edges: unknown[]; groups: unknown[] };
    expect(doc.tasks.map((t) => t.id)).toEqual(['extract', 'transform', 'train', 'evaluate', 'report']);
    expect(doc.edges).toEqual([
      { from: 'evaluate', to: 'report' },
      { from: 'extract', to: 'transform' },
      { from: 'train', to: 'evaluate' },
      { from: 'transform', to: 'train' },
    ]);
    expect(doc.groups).toEqual([{ id: 'group', label: 'ML engineering' }]);
    // Snap to grid: every task sits on the 16 px grid, however it got there (drop, drag, auto layout).
    for (const t of doc.tasks as unknown as { position: { x: number; y: number } }[]) expect([Math.abs(t.position.x % 16), Math.abs(t.position.y % 16)]).toEqual([0, 0]);
    const train = doc.tasks.find((t) => t.id === 'train')!;
    expect(train).toMatchObject({ operator: 'python', group: 'group', retries: 2, note: 'Trains the model; retried twice.' });
    expect(train.config.code).toBe('import json\nprint(json.dumps({"accuracy": 0.93}))');
    expect(doc.tasks[0]!.config).toEqual({ command: 'echo "fetching {{ ds }}"' });
  });

  await test.step('Export JSON downloads exactly the bytes Save wrote', async () => {
    const download = page.waitForEvent('download');
    await toolbarButton(page, 'Export JSON').click();
    const exported = readFileSync(await (await download).path(), 'utf8');
    expect(exported).toBe(saved);
  });

  await test.step('reopen the file: the same pipeline, and saving it again writes identical bytes', async () => {
    await toolbarButton(page, 'New').click();
    await expect(page.locator('.task-node')).toHaveCount(0);
    await toolbarButton(page, 'Open').click();
    const dialog = page.getByTestId('open-dialog');
    await dialog.getByLabel('File path').fill(file);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(node(page, 'train')).toBeVisible();
    await expect(page.getByTestId('note-train')).toHaveText('Trains the model; retried twice.');
    await expect(page.getByTestId('group-group')).toContainText('ML engineering');
    await expect(edge(page, 'train', 'evaluate')).toBeAttached();
    await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
    await clickEmptyCanvas(page);
    await page.keyboard.press(`${mod}+s`);
    await expect(page.getByTestId('notice')).toContainText('Saved');
    expect(readFileSync(file, 'utf8')).toBe(saved);
  });
});
