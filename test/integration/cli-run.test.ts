import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../electron/store/settings';
import { dagstudio, type CliOptions } from '../support/cli';
import { processesWithEnv, processTableAvailable, waitUntil } from '../support/process-table';
import { bash, pipeline, python } from './runner-fixtures';

const runCli = (args: string[], onStderr?: CliOptions['onStderr']) => dagstudio(['run', ...args], { onStderr });

describe('dagstudio run', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dagstudio-cli-run-'));
    dataDir = join(dir, 'data');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, content: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };

  it('names a secret the desktop app encrypted instead of using its ciphertext, and runs with the value given by --var', async () => {
    const data = join(dir, 'data-encrypted');
    // What the desktop app writes with the OS keychain: a cipher this process does not have.
    const keychain = { scheme: 'os-keychain', encrypt: (s: string) => Buffer.from(s).toString('base64'), decrypt: (s: string) => Buffer.from(s, 'base64').toString() };
    new SettingsStore({ dir: data, cipher: keychain }).setVariable({ name: 'api_token', value: 'tok-from-the-app', secret: true });
    const file = write('encrypted.dag.json', pipeline('cli_encrypted', [bash('use', 'echo "token={{ var.value.api_token }}"')], []));

    const missing = await runCli([file, '--data-dir', data]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('dagstudio: warning: variable "api_token" was saved encrypted (os-keychain) by the desktop app');
    expect(missing.stderr).not.toContain(Buffer.from('tok-from-the-app').toString('base64'));

    const given = await runCli([file, '--var', 'api_token=tok-given-here', '--json', '--data-dir', data]);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout)).toMatchObject({ state: 'success', tasks: { use: { state: 'success' } } });
    // Still a secret: masked in the log even though its stored value could not be read.
    expect(given.stderr).toContain('[use] token=***');
    expect(given.stderr).not.toContain('tok-given-here');
  });

  it('runs a pipeline, streams prefixed logs on stderr and prints the --json summary on stdout', async () => {
    const file = write(
      'ok.dag.json',
      pipeline(
        'cli_ok',
        [bash('greet', 'echo "hello {{ params.who }}"; echo "n={{ params.n }}"'), python('square', 'import os\nprint(int(os.environ["N"]) ** 2)', { config: { code: 'import os\nprint(int(os.environ["N"]) ** 2)', env: { N: '{{ params.n }}' } } }), bash('use_var', 'echo "{{ var.value.region }}"')],
        [['greet', 'square']],
        { params: { who: 'world', n: 2 } },
      ),
    );
    const result = await runCli([file, '--param', 'n=7', '--param', 'who=dagstudio users', '--var', 'region=eu-west-1', '--parallelism', '1', '--json', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).toEqual(['dag_id', 'run_id', 'state', 'tasks']);
    expect(summary).toMatchObject({
      dag_id: 'cli_ok',
      state: 'success',
      tasks: {
        greet: { state: 'success', try_number: 1, return_value: 'n=7', exit_code: 0 },
        square: { state: 'success', try_number: 1, return_value: '49', exit_code: 0 },
        use_var: { state: 'success', try_number: 1, return_value: 'eu-west-1', exit_code: 0 },
      },
    });
    const tasks = summary.tasks as Record<string, Record<string, unknown>>;
    for (const t of Object.values(tasks)) {
      expect(Object.keys(t).sort()).toEqual(['duration_s', 'exit_code', 'return_value', 'state', 'try_number']);
      expect(typeof t.duration_s).toBe('number');
    }
    expect(result.stderr).toContain('[greet] hello dagstudio users\n');
    expect(result.stderr).toContain('[square] 49\n');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exits 1 when the run fails, still with its summary', async () => {
    const file = write('fail.dag.json', pipeline('cli_fail', [bash('bad', 'echo oops; exit 5'), bash('next', 'true')], [['bad', 'next']]));
    const result = await runCli([file, '--json', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.state).toBe('failed');
    expect(summary.tasks.bad).toMatchObject({ state: 'failed', exit_code: 5, try_number: 1 });
    expect(summary.tasks.next).toMatchObject({ state: 'upstream_failed', try_number: 0, exit_code: null, duration_s: null, return_value: null });
    expect(result.stderr).toContain('[bad] oops\n');
  });

  it('exits 2 with one line per problem for an invalid file, and for bad arguments', async () => {
    const invalid = write('invalid.dag.json', {
      format: 'dagstudio/pipeline',
      version: 1,
      id: 'bad',
      tasks: [{ id: 'a', operator: 'bash', config: {}, position: { x: 0, y: 0 } }],
      edges: [{ from: 'a', to: 'ghost' }],
    });
    const result = await runCli([invalid, '--data-dir', dataDir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line.startsWith(`${invalid}: `)).toBe(true);
    expect(result.stderr).toMatch(/tasks\[0\]\.config\.command: /);
    expect(result.stderr).toMatch(/edges\[0\]\.to: /);

    const badArgs = await runCli([invalid, '--parallelism', 'many']);
    expect(badArgs.code).toBe(2);
    expect(badArgs.stderr).toContain('--parallelism needs a whole number');
    const missing = await runCli([join(dir, 'missing.dag.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.dag.json: cannot read file');
  });

  it.runIf(processTableAvailable())('cancels cleanly on Ctrl-C: exit 1, run cancelled, no process left', async () => {
    const file = write('long.dag.json', pipeline('cli_long', [bash('sleepy', 'echo "sleeping as $DAGSTUDIO_RUN_ID"; sleep 300'), bash('after', 'true')], [['sleepy', 'after']]));
    let runId = '';
    let interrupted = false;
    const result = await runCli([file, '--json', '--data-dir', dataDir], (text, kill) => {
      const m = /sleeping as (\S+)/.exec(text);
      if (m && !interrupted) {
        interrupted = true;
        runId = m[1] as string;
        kill('SIGINT');
      }
    });
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.run_id).toBe(runId);
    expect(summary.state).toBe('cancelled');
    expect(summary.tasks.sleepy.state).toBe('failed');
    expect(summary.tasks.after.state).toBe('skipped');
    expect(await waitUntil(() => processesWithEnv('DAGSTUDIO_RUN_ID', runId).length === 0, 2000)).toBe(true);
  });
});
