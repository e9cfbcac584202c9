import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_ROOT, dagstudio } from '../support/cli';

/* `dagstudio validate` as a user runs it: the real bin script, in a child process, on real files. */

const dir = 'test/fixtures/pipelines';

const lines = (text: string) => text.split('\n').filter((line) => line !== '');

describe('dagstudio validate', () => {
  it('accepts a valid pipeline: exit 0 and "FILE: ok"', async () => {
    const result = await dagstudio(['validate', `${dir}/valid.dag.json`]);
    expect(result).toEqual({ code: 0, stdout: `${dir}/valid.dag.json: ok\n`, stderr: '' });
  });

  it('rejects a file with many problems: exit 1 and one line per problem, every one of them', async () => {
    const file = `${dir}/many-problems.dag.json`;
    const result = await dagstudio(['validate', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout)).toEqual(
      [
        'id: may contain only letters, digits, "_", "-" and "."',
        'tasks[0].config.command: required',
        'tasks[1].operator: unknown operator "bsh"; did you mean "bash"?',
        'tasks[2].retries: must be 0 or more',
        'tasks[2].group: unknown group "prepp"; did you mean "prep"?',
        'tasks[3].trigger_rule: must be one of: all_success, all_failed, all_done, all_skipped, one_success, one_failed, one_done, none_failed, none_failed_min_one_success, none_skipped, always',
        'tasks[3].id: duplicate task id "fetch" (first used by tasks[0])',
        'tasks[4].config.command: must be a string, got number',
        'tasks[4].config.colour: unknown field',
        'edges[2]: cycle: fetch → clean → train → fetch',
        'edges[3].to: unknown task "evalute"; did you mean "evaluate"?',
        'edges[4]: a task cannot depend on itself (evaluate → evaluate)',
        'colour: unknown field',
      ].map((line) => `${file}: ${line}`),
    );
  });

  it('reports broken JSON, an empty file, a non-object and a newer version in words, and checks every file given', async () => {
    const result = await dagstudio([
      'validate',
      `${dir}/broken-json.dag.json`,
      `${dir}/empty.dag.json`,
      `${dir}/not-an-object.dag.json`,
      `${dir}/newer-version.dag.json`,
      `${dir}/valid.dag.json`,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(lines(result.stdout)).toEqual([
      `${dir}/broken-json.dag.json: invalid JSON at line 5, column 3: missing "," between properties`,
      `${dir}/empty.dag.json: the file is empty`,
      `${dir}/not-an-object.dag.json: expected a pipeline (a JSON object), got array`,
      `${dir}/newer-version.dag.json: version: version 2 is newer than this dagstudio supports (1); update dagstudio`,
      `${dir}/valid.dag.json: ok`,
    ]);
  });

  it('turns a missing file into a problem line, not a stack trace', async () => {
    const result = await dagstudio(['validate', `${dir}/no-such-file.dag.json`, `${dir}/valid.dag.json`]);
    expect(result).toEqual({
      code: 1,
      stdout: `${dir}/no-such-file.dag.json: cannot read file: ENOENT: no such file or directory\n${dir}/valid.dag.json: ok\n`,
      stderr: '',
    });
  });

  it('reads a pipeline from standard input when the file is "-"', async () => {
    const result = await dagstudio(['validate', '-'], { stdin: readFileSync(`${CLI_ROOT}/${dir}/valid.dag.json`, 'utf8') });
    expect(result).toEqual({ code: 0, stdout: '-: ok\n', stderr: '' });
  });

  it('exits 2 without files or with an unknown option, explaining on stderr', async () => {
    const none = await dagstudio(['validate']);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^dagstudio validate: no files given\n\nUsage: dagstudio validate FILE…/);

    const option = await dagstudio(['validate', '--strict', `${dir}/valid.dag.json`]);
    expect(option.code).toBe(2);
    expect(option.stdout).toBe('');
    expect(option.stderr).toMatch(/^dagstudio validate: unknown option "--strict"\n/);
  });

  it('prints its usage with --help and exits 0', async () => {
    const result = await dagstudio(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Usage: dagstudio validate FILE…');
    expect(result.stdout).toContain('Exit codes: 0 all valid, 1 a problem in some file, 2 bad arguments.');
  });
});
