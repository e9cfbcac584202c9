import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readError, readInput, writeOutput } from './files';

let dir: string;
let stderr: string;
let stdout: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dagstudio-files-'));
  stderr = '';
  stdout = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the commands’ files', () => {
  it('write the result to OUT, leaving no temporary file, and say so on stderr', async () => {
    const out = join(dir, 'dag.py');
    expect(await writeOutput('export', out, 'print(1)\n')).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('print(1)\n');
    expect(readdirSync(dir)).toEqual(['dag.py']);
    expect(stderr).toBe(`dagstudio export: wrote ${out}\n`);
    expect(stdout).toBe('');
  });

  it('write the result to stdout without OUT', async () => {
    expect(await writeOutput('import', undefined, '{}\n')).toBe(0);
    expect(stdout).toBe('{}\n');
    expect(stderr).toBe('');
  });

  it('exit 2 with one line naming OUT when it cannot be written, or FILE when it cannot be read', async () => {
    const out = join(dir, 'no-such-folder', 'dag.py');
    expect(await writeOutput('export', out, 'x')).toBe(2);
    expect(stderr).toBe(`dagstudio export: ${out}: cannot write file: ENOENT: no such file or directory\n`);
    stderr = '';
    const missing = join(dir, 'missing.dag.json');
    expect(await readInput('import', missing)).toBeUndefined();
    expect(stderr).toBe(`dagstudio import: ${missing}: cannot read file: ENOENT: no such file or directory\n`);
  });

  it('read an existing file as text', async () => {
    const out = join(dir, 'p.dag.json');
    await writeOutput('import', out, 'ünï\n');
    expect(await readInput('export', out)).toBe('ünï\n');
  });

  it('say why without a stack, for errors that are not Errors too', () => {
    expect(readError('plain text')).toBe('plain text');
    expect(readError(Object.assign(new Error("EACCES: permission denied, open '/x'"), { code: 'EACCES' }))).toBe('EACCES: permission denied');
  });
});
