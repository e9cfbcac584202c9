import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/serve';
import { node, toolbarButton } from './support/designer-helpers';
import { expectState, openPipeline, passedThrough, recordStates, runHeader, runTab, showLog, statesSeen, writePipeline } from './run-support';

/* Tasks sleep a second so that each state lasts longer than one batch of events (~34 ms) and gets painted. */

/* Run and watch: params asked for, every node's state as it changes, a live log, animated edges, the header, the Gantt chart. */

test('a run asks for its params, then every task shows its state as it changes and its log streams live', async ({ page, serve }) => {
  const path = writePipeline(
    serve,
    'watch_me',
    [
      { id: 'hello', command: `sleep 1; echo "{{ params.greeting }} from hello"; printf '\\033[32mgreen text\\033[0m\\n'` },
      { id: 'gate', command: 'echo "waiting for the go file"; while [ ! -f go ]; do sleep 0.2; done; echo "released"' },
      { id: 'flaky', command: 'sleep 1; if [ "$DAGSTUDIO_TRY_NUMBER" = 1 ]; then echo "first try fails"; exit 3; fi; echo "second try works"', retries: 1, retry_delay_s: 1 },
      { id: 'broken', command: 'sleep 1; echo "about to fail" >&2; exit 2' },
      { id: 'after_broken', command: 'echo never' },
    ],
    [
      ['hello', 'gate'],
      ['hello', 'flaky'],
      ['hello', 'broken'],
      ['broken', 'after_broken'],
    ],
    { greeting: 'hello' },
  );
  await openPipeline(page, serve, path);
  for (const id of ['hello', 'gate', 'flaky', 'broken', 'after_broken']) await expect(node(page, id)).toHaveAttribute('data-state', 'none');
  await recordStates(page);

  // Run asks for the params, pre-filled with the defaults.
  await toolbarButton(page, 'Run').click();
  const dialog = page.getByTestId('run-params-dialog');
  await expect(dialog.getByLabel('greeting')).toHaveValue('hello');
  await dialog.getByLabel('greeting').fill('bonjour');
  await dialog.getByTestId('run-params-start').click();
  await expect(dialog).toBeHidden();

  // The gate runs until the test releases it: its log streams while it is still running.
  await expectState(page, 'gate', 'running');
  await expect(runHeader(page)).toHaveAttribute('data-state', 'running');
  const gateLog = await showLog(page, 'gate');
  await expect(gateLog).toContainText('waiting for the go file');
  await expect(node(page, 'gate')).toHaveAttribute('data-state', 'running');
  await expect(node(page, 'gate').locator('.spinner')).toBeVisible();
  // The edge into the running task flows.
  const edgePath = page.getByTestId('rf__edge-hello->gate').locator('.react-flow__edge-path');
  await expect.poll(() => edgePath.evaluate((el) => getComputedStyle(el).animationName)).toBe('run-edge-flow');
  const idleEdge = page.getByTestId('rf__edge-broken->after_broken').locator('.react-flow__edge-path');
  expect(await idleEdge.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');

  await expectState(page, 'hello', 'success');
  await expect(page.getByTestId('duration-hello')).toHaveText(/^\d+(\.\d)?s$/);
  const helloLog = await showLog(page, 'hello');
  await expect(helloLog).toContainText('bonjour from hello');
  await expect(helloLog).toContainText('green text');
  await expect(helloLog).not.toContainText('\u001b[32m');

  // flaky fails its first try, waits to retry, then succeeds on its second (the page recorded each state it showed).
  await expectState(page, 'flaky', 'success');
  await expect(page.getByTestId('state-flaky')).toContainText('try 2');
  const flakyLog = await showLog(page, 'flaky');
  await expect(page.getByTestId('log-try-2')).toHaveAttribute('aria-selected', 'true');
  await expect(flakyLog).toContainText('second try works');
  await page.getByTestId('log-try-1').click();
  await expect(page.getByTestId('log-flaky')).toHaveAttribute('data-try', '1');
  await expect(page.getByTestId('log-flaky')).toContainText('first try fails');

  await expect(runHeader(page)).toHaveAttribute('data-state', 'running');
  writeFileSync(join(serve.home, 'go'), '');
  await expectState(page, 'gate', 'success');
  await expectState(page, 'broken', 'failed');
  await expectState(page, 'after_broken', 'upstream_failed');
  await expect(runHeader(page)).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('run-progress')).toContainText('5/5 tasks');
  await expect(page.locator('.task-node[data-state="running"]')).toHaveCount(0);
  await expect(page.getByTestId('running-edges')).toHaveCount(0);
  const seen = await statesSeen(page);
  const paths: Record<string, string[]> = {
    hello: ['none', 'running', 'success'],
    gate: ['none', 'running', 'success'],
    flaky: ['none', 'running', 'up_for_retry', 'running', 'success'],
    broken: ['none', 'running', 'failed'],
    after_broken: ['none', 'upstream_failed'],
  };
  for (const [id, path] of Object.entries(paths)) expect(passedThrough(seen[id], path), `${id} showed ${seen[id]?.join(' → ')}`).toBe(true);
  expect(seen.after_broken).not.toContain('running');

  const brokenLog = await showLog(page, 'broken');
  await expect(brokenLog).toContainText('about to fail');
  await expect(page.getByTestId('log-after_broken')).toHaveCount(0);
  await showLog(page, 'after_broken');
  await expect(page.getByTestId('log-after_broken-empty')).toContainText('did not run in this run (upstream failed)');

  // The Gantt chart: a bar per try, two for flaky.
  await runTab(page, 'gantt').click();
  await expect(page.getByTestId('gantt-bar-flaky-1')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('gantt-bar-flaky-2')).toHaveAttribute('data-state', 'success');
  await expect(page.getByTestId('gantt-bar-broken-1')).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('gantt-row-after_broken')).toContainText('upstream failed');
  // A bar opens that try's log.
  await page.getByTestId('gantt-bar-flaky-1').click();
  await expect(page.getByTestId('log-flaky')).toHaveAttribute('data-try', '1');
});
