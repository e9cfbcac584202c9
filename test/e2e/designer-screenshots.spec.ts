import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import { REPO_ROOT } from './support/serve-process';
import { clickTask, connect, dragFromPalette, node, openNewPipeline, renameSelected, settle, setCode, toolbarButton } from './support/designer-helpers';

/*
 * The screenshots of docs/screenshots/ (shown in the README), in the light and the dark theme.
 * They rewrite tracked files, so they are taken only when asked: DAGSTUDIO_SCREENSHOTS=1.
 */

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const THEMES = ['light', 'dark'] as const;

test.skip(!process.env.DAGSTUDIO_SCREENSHOTS, 'set DAGSTUDIO_SCREENSHOTS=1 to (re)take the screenshots in docs/screenshots/');
test.use({ viewport: { width: 1440, height: 900 } });

for (const theme of THEMES) {
  test(`screenshots of the main screens, ${theme} theme`, async ({ page, serve }) => {
    mkdirSync(OUT, { recursive: true });
    await page.emulateMedia({ colorScheme: theme });
    const shot = async (name: string) => {
      await page.waitForTimeout(250);
      await page.screenshot({ path: join(OUT, `${name}-${theme}.png`) });
    };

    await page.goto(serve.url);
    await expect(page.getByTestId('example-pet-detection')).toBeVisible();
    await shot('welcome');

    await page.getByTestId('example-pet-detection').click();
    await expect(page.locator('.task-node').first()).toBeVisible();
    await toolbarButton(page, 'Auto layout').click();
    await settle(page);
    const training = page.locator('.task-node', { has: page.locator('.task-operator', { hasText: 'SageMaker training' }) }).first();
    await training.locator('.task-id').click();
    await settle(page);
    await shot('overview');
    for (let i = 0; i < 4; i++) await page.keyboard.press('=');
    await settle(page);
    await shot('designer');

    await page.getByRole('toolbar').getByRole('button', { name: 'Pipeline settings', exact: true }).click();
    await expect(page.getByTestId('pipeline-settings')).toBeVisible();
    await shot('pipeline-settings');
    await page.keyboard.press('Escape');

    await page.keyboard.press('F1');
    await expect(page.getByTestId('help-dialog')).toBeVisible();
    await shot('shortcuts');
    await page.keyboard.press('Escape');

    await openNewPipeline(page, serve.url);
    await dragFromPalette(page, 'bash', { x: 170, y: 160 });
    await renameSelected(page, 'fetch_data');
    await setCode(page, 'command', 'echo "fetching {{ ds }}"\nsleep 1');
    await dragFromPalette(page, 'python', { x: 450, y: 160 });
    await renameSelected(page, 'train_model');
    await dragFromPalette(page, 'notify', { x: 450, y: 360 });
    await renameSelected(page, 'notify_on_error');
    await connect(page, 'fetch_data', 'train_model');
    await connect(page, 'train_model', 'notify_on_error');
    await clickTask(page, 'train_model');
    await page.getByTestId('problems-tab').click();
    await expect(page.getByTestId('problem').first()).toBeVisible();
    await expect(node(page, 'train_model')).toBeVisible();
    await shot('problems');
  });
}
