import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, resolveStaticFile } from './static-files';

const base = mkdtempSync(join(tmpdir(), 'static-'));
const root = join(base, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), '1');
writeFileSync(join(root, '.env'), 'SECRET=1');
writeFileSync(join(base, 'outside.txt'), 'no');
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('serving the built renderer', () => {
  it('serves files with their type and falls back to index.html for app routes', async () => {
    expect(await resolveStaticFile(root, '/assets/app.js')).toMatchObject({ file: join(root, 'assets', 'app.js'), type: 'text/javascript; charset=utf-8' });
    expect(await resolveStaticFile(root, '/')).toMatchObject({ file: join(root, 'index.html') });
    expect(await resolveStaticFile(root, '/runs/history')).toMatchObject({ file: join(root, 'index.html') });
    expect(await resolveStaticFile(root, '/assets/missing.js')).toBeNull();
  });

  it('never serves anything outside its folder, nor dot-files', async () => {
    for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/.env', '/%00', '/%E0%A4%A']) {
      const found = await resolveStaticFile(root, path);
      expect(found === null || found.file === join(root, 'index.html'), path).toBe(true);
    }
  });

  it('allows no inline script and no eval', () => {
    const csp = contentSecurityPolicy(['ws://127.0.0.1:1']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:1/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });
});
