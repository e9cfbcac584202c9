import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPathGuard } from './path-guard';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'guard-')));
const home = join(base, 'home');
const examples = join(base, 'examples');
const outside = join(base, 'outside');
for (const d of [home, examples, outside, join(home, '.ssh')]) mkdirSync(d, { recursive: true });
writeFileSync(join(home, 'a.dag.json'), '{}');
writeFileSync(join(examples, 'ex.dag.json'), '{}');
writeFileSync(join(outside, 'secret.json'), '{}');
writeFileSync(join(home, '.ssh', 'keys.json'), '{}');
symlinkSync(join(outside, 'secret.json'), join(home, 'link.dag.json'));
symlinkSync(outside, join(home, 'escape'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const guard = createPathGuard({
  home,
  initial: [
    { dir: home, writable: true },
    { dir: examples, writable: false },
  ],
  protected: [join(home, '.ssh')],
});

describe('the path guard', () => {
  it('reads and writes inside the allowed folders, with ~ for home', async () => {
    await expect(guard.readable('~/a.dag.json')).resolves.toBe(join(home, 'a.dag.json'));
    await expect(guard.writable(join(home, 'new.dag.json'), ['.json'])).resolves.toBe(join(home, 'new.dag.json'));
  });

  it('refuses .. tricks that leave the allowed folders', async () => {
    await expect(guard.readable(`${home}/../outside/secret.json`)).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(guard.writable(`${home}/../outside/x.json`, ['.json'])).rejects.toMatchObject({ code: 'forbidden-path' });
  });

  it('follows symbolic links and refuses one that points outside', async () => {
    await expect(guard.readable(join(home, 'link.dag.json'))).rejects.toThrow(/leads to .*outside/);
    await expect(guard.writable(join(home, 'escape', 'x.json'), ['.json'])).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(guard.writable(join(home, 'link.dag.json'), ['.json'])).rejects.toMatchObject({ code: 'forbidden-path' });
  });

  it('keeps read-only folders read-only and protected folders closed', async () => {
    await expect(guard.readable(join(examples, 'ex.dag.json'))).resolves.toBeTruthy();
    await expect(guard.writable(join(examples, 'ex.dag.json'), ['.json'])).rejects.toThrow(/read-only/);
    expect(guard.isReadOnly(join(examples, 'ex.dag.json'))).toBe(true);
    await expect(guard.readable(join(home, '.ssh', 'keys.json'))).rejects.toMatchObject({ code: 'forbidden-path' });
  });

  it('refuses relative paths, wrong extensions, and says "outside" before "missing"', async () => {
    await expect(guard.readable('a.dag.json')).rejects.toMatchObject({ code: 'bad-request' });
    await expect(guard.writable(join(home, '.bashrc'), ['.json'])).rejects.toThrow(/writes only \.json/);
    await expect(guard.readable('/nonexistent-dir/x.json')).rejects.toMatchObject({ code: 'forbidden-path' });
    await expect(guard.readable(join(home, 'missing.json'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('opens a folder picked in a dialog', async () => {
    await expect(guard.readable(join(outside, 'secret.json'))).rejects.toMatchObject({ code: 'forbidden-path' });
    guard.allow(outside);
    await expect(guard.readable(join(outside, 'secret.json'))).resolves.toBe(join(outside, 'secret.json'));
  });
});
