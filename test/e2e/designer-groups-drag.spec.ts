import type { Page } from '@playwright/test';
import { test, expect } from './support/serve';
import { canvas, clickTask, dragFromPalette, node, openNewPipeline, position, taskIds, toolbarButton } from './support/designer-helpers';

/* Tasks go into a group and out of it by dragging them onto its frame or off it, palette drops land in the group under them. */

type Point = { x: number; y: number };

/** Drags a task by its card to a point of the canvas (relative to its top-left corner), with the mouse. */
async function dragTask(page: Page, id: string, to: Point): Promise<void> {
  const grip = (await node(page, id).locator('.task-id').boundingBox())!;
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + to.x, box.y + to.y, { steps: 15 });
  await page.mouse.up();
}

/** Drags an operator from the palette to a point of the canvas (the new task may be hidden in a collapsed group). */
async function dropOperator(page: Page, operator: string, at: Point): Promise<void> {
  const entry = (await page.getByTestId(`palette-${operator}`).boundingBox())!;
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(entry.x + entry.width / 2, entry.y + entry.height / 2);
  await page.mouse.down();
  await page.mouse.move(entry.x + entry.width / 2 + 12, entry.y + entry.height / 2 + 4, { steps: 4 });
  await page.mouse.move(box.x + at.x, box.y + at.y, { steps: 12 });
  await page.mouse.up();
}

const count = (page: Page) => page.getByTestId('group-group').locator('.group-count');

test('tasks are dragged into a group’s frame and out of it, one undo step each, and palette drops land in the group under them', async ({ page, serve }) => {
  await openNewPipeline(page, serve.url);
  // empty_1 and empty_2 make a group whose frame spans the top of the canvas with room inside it.
  await dragFromPalette(page, 'empty', { x: 140, y: 120 });
  await dragFromPalette(page, 'empty', { x: 560, y: 320 });
  await dragFromPalette(page, 'empty', { x: 150, y: 520 });
  await dragFromPalette(page, 'empty', { x: 450, y: 520 });
  await clickTask(page, 'empty_1');
  await clickTask(page, 'empty_2', true);
  await toolbarButton(page, 'Group selection').click();
  await expect(count(page)).toHaveText('2');
  const frameInside = { x: 360, y: 220 };

  await test.step('a task dropped onto the frame joins the group; one undo puts it back where it was, outside', async () => {
    const before = await position(page, 'empty_3');
    await dragTask(page, 'empty_3', frameInside);
    await expect(count(page)).toHaveText('3');
    await expect(page.getByTestId('notice')).toContainText('Moved empty_3 into group group');
    await expect(page.getByTestId('setting-group')).toHaveValue('group');
    const dropped = await position(page, 'empty_3');

    await toolbarButton(page, 'Undo').click();
    await expect(count(page)).toHaveText('2');
    expect(await position(page, 'empty_3')).toEqual(before);
    await toolbarButton(page, 'Redo').click();
    await expect(count(page)).toHaveText('3');
    expect(await position(page, 'empty_3')).toEqual(dropped);
  });

  await test.step('moving a member about inside its frame keeps it in; dragging it off the frame takes it out', async () => {
    await dragTask(page, 'empty_3', { x: frameInside.x + 40, y: frameInside.y + 30 });
    await expect(count(page)).toHaveText('3');
    await dragTask(page, 'empty_3', { x: 150, y: 640 });
    await expect(count(page)).toHaveText('2');
    await expect(page.getByTestId('notice')).toContainText('Moved empty_3 out of its group');
    await clickTask(page, 'empty_3');
    await expect(page.getByTestId('setting-group')).toHaveValue('');
  });

  await test.step('a multi-selection dropped onto the frame joins it together', async () => {
    await clickTask(page, 'empty_4', true);
    await dragTask(page, 'empty_4', { x: 620, y: 130 });
    await expect(count(page)).toHaveText('4');
    await expect(page.getByTestId('notice')).toContainText('Moved 2 tasks into group group');
    await toolbarButton(page, 'Undo').click();
    await expect(count(page)).toHaveText('2');
    await toolbarButton(page, 'Redo').click();
    await expect(count(page)).toHaveText('4');
  });

  await test.step('an operator dropped from the palette onto the frame is created inside the group', async () => {
    const added = await dragFromPalette(page, 'empty', { x: 300, y: 350 });
    expect(added).toBe('empty_5');
    await expect(page.getByTestId('setting-group')).toHaveValue('group');
    await expect(count(page)).toHaveText('5');
  });

  await test.step('a collapsed group takes dropped tasks and palette operators too', async () => {
    await page.getByRole('button', { name: 'Collapse group group' }).click();
    await expect(page.getByTestId('group-group')).toHaveAttribute('data-collapsed', 'true');
    await dragFromPalette(page, 'empty', { x: 560, y: 620 });
    const collapsed = (await page.getByTestId('group-group').boundingBox())!;
    const box = (await canvas(page).boundingBox())!;
    const onCollapsed = { x: collapsed.x - box.x + collapsed.width / 2, y: collapsed.y - box.y + collapsed.height / 2 + 8 };
    await dragTask(page, 'empty_6', onCollapsed);
    await expect(count(page)).toHaveText('6');
    await expect(node(page, 'empty_6')).toHaveCount(0);

    const moved = (await page.getByTestId('group-group').boundingBox())!;
    await dropOperator(page, 'bash', { x: moved.x - box.x + moved.width / 2, y: moved.y - box.y + moved.height / 2 + 8 });
    await expect(count(page)).toHaveText('7');
    await expect(page.getByTestId('setting-id')).toHaveValue('bash_1');
    await expect(page.getByTestId('setting-group')).toHaveValue('group');
    expect(await taskIds(page)).not.toContain('bash_1');

    await page.getByRole('button', { name: 'Expand group group' }).click();
    await expect(node(page, 'empty_6')).toBeVisible();
    await expect(node(page, 'bash_1')).toBeVisible();
  });
});
