import { expect, type Locator, type Page } from '@playwright/test';

/** Gestures of the designer's e2e tests: real drags, clicks and keys, never calls into the page's store. */

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Opens the app and starts a new, empty pipeline from the welcome screen. */
export async function openNewPipeline(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('welcome-new').click();
  await expect(page.getByTestId('welcome')).toBeHidden();
}

export function canvas(page: Page): Locator {
  return page.getByTestId('canvas');
}

export function node(page: Page, id: string): Locator {
  return page.getByTestId(`task-${id}`);
}

export function edge(page: Page, from: string, to: string): Locator {
  return page.getByTestId(`rf__edge-${from}->${to}`);
}

/** Ids of the tasks drawn on the canvas. */
export async function taskIds(page: Page): Promise<string[]> {
  const ids = await page.locator('.task-node').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace(/^task-/, ''));
}

/** Drags an operator from the palette onto the canvas (HTML5 drag and drop) and returns the new task's id. */
export async function dragFromPalette(page: Page, operator: string, at: { x: number; y: number }): Promise<string> {
  const before = new Set(await taskIds(page));
  // A real mouse drag, in small steps like a hand: Chromium turns it into HTML5 drag-and-drop events.
  const entry = page.getByTestId(`palette-${operator}`);
  await entry.scrollIntoViewIfNeeded();
  const from = await centre(entry);
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 12, from.y + 4, { steps: 4 });
  await page.mouse.move(box.x + at.x, box.y + at.y, { steps: 12 });
  await page.mouse.up();
  await expect.poll(async () => (await taskIds(page)).length).toBe(before.size + 1);
  const added = (await taskIds(page)).find((id) => !before.has(id))!;
  await expect(page.getByTestId('setting-id')).toHaveValue(added);
  return added;
}

/** Renames the selected task through its Task id field. */
export async function renameSelected(page: Page, id: string): Promise<void> {
  const field = page.getByTestId('setting-id');
  await field.fill(id);
  await field.press('Enter');
  await expect(node(page, id)).toBeVisible();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags from `from`'s output handle to `to`'s input handle with the mouse. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const a = await centre(node(page, from).locator('.react-flow__handle.source'));
  const b = await centre(node(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 6 });
  await page.mouse.move(b.x, b.y, { steps: 6 });
  await page.mouse.up();
}

/** Waits until the canvas viewport stops moving (fit view and focus animate it). */
export async function settle(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = await viewport.getAttribute('style');
      const stable = now === last;
      last = now ?? '';
      return stable;
    }, { intervals: [120] })
    .toBe(true);
}

/** Fits the whole pipeline in view and waits for the animation to end. */
export async function fitView(page: Page): Promise<void> {
  await page.getByRole('toolbar').getByRole('button', { name: 'Fit view', exact: true }).click();
  await settle(page);
}

/** Selects a task by clicking its card (with Ctrl/Cmd to add to the selection). */
export async function clickTask(page: Page, id: string, add = false): Promise<void> {
  await node(page, id).locator('.task-id').click(add ? { modifiers: [mod] } : undefined);
}

/** Types into a CodeMirror field of the properties form, replacing its text. */
export async function setCode(page: Page, key: string, text: string): Promise<void> {
  const content = page.getByTestId(`field-${key}`).locator('.cm-content');
  await content.click();
  await page.keyboard.press(`${mod}+a`);
  await page.keyboard.insertText(text);
}

/** Clicks an empty spot of the canvas, which clears the selection and takes focus out of any field. */
export async function clickEmptyCanvas(page: Page): Promise<void> {
  const box = (await canvas(page).boundingBox())!;
  await page.mouse.click(box.x + box.width - 300, box.y + 30);
}

export async function position(page: Page, id: string): Promise<{ x: number; y: number }> {
  const box = await node(page, id).boundingBox();
  if (!box) throw new Error(`task ${id} is not visible`);
  return { x: box.x, y: box.y };
}

export function toolbarButton(page: Page, name: string): Locator {
  return page.getByRole('toolbar').getByRole('button', { name, exact: true });
}
