import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ServeProcess } from './support/serve';
import { fitView, node, toolbarButton } from './support/designer-helpers';

/** Helpers of the run view's e2e tests (test/e2e/run-*.spec.ts): pipelines on disk, opening them, reading states. */

type TaskInput = { id: string; command: string; env?: Record<string, string>; retries?: number; retry_delay_s?: number; trigger_rule?: string };

/** Writes a pipeline of bash tasks, laid out left to right by depth, into the served home folder. */
export function writePipeline(serve: ServeProcess, id: string, tasks: TaskInput[], edges: [string, string][], params: Record<string, unknown> = {}): string {
  const depth = new Map<string, number>();
  const depthOf = (t: string): number => {
    if (!depth.has(t)) depth.set(t, Math.max(0, ...edges.filter(([, to]) => to === t).map(([from]) => depthOf(from) + 1)));
    return depth.get(t)!;
  };
  const rows = new Map<number, number>();
  const file = {
    format: 'dagstudio/pipeline',
    version: 1,
    id,
    schedule: null,
    params,
    groups: [],
    tasks: tasks.map(({ id: taskId, command, env, ...rest }) => {
      const d = depthOf(taskId);
      const row = rows.get(d) ?? 0;
      rows.set(d, row + 1);
      return { id: taskId, operator: 'bash', config: env ? { command, env } : { command }, ...rest, position: { x: d * 300, y: row * 130 } };
    }),
    edges: edges.map(([from, to]) => ({ from, to })),
  };
  const path = join(serve.home, `${id}.dag.json`);
  writeFileSync(path, JSON.stringify(file, null, 2));
  return path;
}

/** Opens the app and then the pipeline file through the Open dialog, as a user would. */
export async function openPipeline(page: Page, serve: ServeProcess, path: string): Promise<void> {
  await page.goto(serve.url);
  await toolbarButton(page, 'Open').click();
  const dialog = page.getByTestId('open-dialog');
  await dialog.getByTestId('open-path').fill(path);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.task-node').first()).toBeVisible();
  await expect(page.getByTestId('dirty-marker')).toHaveCount(0);
}

export async function expectState(page: Page, taskId: string, state: string | RegExp, timeout = 60_000): Promise<void> {
  await expect(node(page, taskId)).toHaveAttribute('data-state', state, { timeout });
}

export function runHeader(page: Page): Locator {
  return page.getByTestId('run-header');
}

/** Shows a task's log: a click on its node selects it, the Log tab follows the selection. */
export async function showLog(page: Page, taskId: string): Promise<Locator> {
  // The run panel takes room from the canvas: fit the graph in what is left so no overlay covers the node.
  await fitView(page);
  await node(page, taskId).locator('.task-id').click();
  const tab = page.getByTestId('run-tab-log');
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  return page.getByTestId(`log-${taskId}`);
}

export function runTab(page: Page, name: 'log' | 'runs' | 'grid' | 'gantt'): Locator {
  return page.getByTestId(`run-tab-${name}`);
}

/** Processes of this user whose environment holds `marker` (a task's `env`, inherited by its whole tree), from /proc. */
export function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(marker)) found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ')}`);
    } catch {
      // Gone already, or another user's.
    }
  }
  return found;
}

/**
 * Records every `data-state` each task node takes, in the page, from now on: a task may pass through a state
 * faster than a test can look (a retry delay on a loaded machine), but never without this seeing it.
 */
export async function recordStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __states: typeof seen }).__states = seen;
    const note = (el: Element) => {
      const id = el.getAttribute('data-testid')?.replace(/^task-/, '');
      const state = el.getAttribute('data-state');
      if (!id || !state) return;
      const list = (seen[id] ??= []);
      if (list[list.length - 1] !== state) list.push(state);
    };
    document.querySelectorAll('.task-node').forEach(note);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element && r.target.classList.contains('task-node')) note(r.target);
        for (const added of r.addedNodes) if (added instanceof Element) added.querySelectorAll('.task-node').forEach(note);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

export async function statesSeen(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => (window as unknown as { __states: Record<string, string[]> }).__states);
}

/** True when `states` shows each of `path` in this order (other states may come between). */
export function passedThrough(states: readonly string[] | undefined, path: readonly string[]): boolean {
  let at = 0;
  for (const s of states ?? []) if (s === path[at]) at++;
  return at === path.length;
}
