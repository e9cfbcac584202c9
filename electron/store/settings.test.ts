import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsError, SettingsStore } from './settings';

const dir = () => mkdtempSync(join(tmpdir(), 'dagstudio-settings-'));

describe('SettingsStore', () => {
  it('keeps secret values apart, in a file only its owner can read', () => {
    const store = new SettingsStore({ dir: dir() });
    store.setVariable({ name: 'region', value: 'eu-west-1' });
    store.setVariable({ name: 'token', value: 'tok-123456', secret: true });
    store.setConnection({ type: 'http', name: 'api', base_url: 'http://127.0.0.1:1', token: 'bearer-abcdef' });
    expect(readFileSync(store.paths.settings, 'utf8')).not.toContain('tok-123456');
    expect(readFileSync(store.paths.settings, 'utf8')).not.toContain('bearer-abcdef');
    expect(readFileSync(store.paths.secrets, 'utf8')).toContain('tok-123456');
    expect(statSync(store.paths.secrets).mode & 0o777).toBe(0o600);
    expect(statSync(store.paths.settings).mode & 0o777).toBe(0o600);
    expect(store.variables()).toEqual([
      { name: 'region', value: 'eu-west-1', secret: false },
      { name: 'token', value: 'tok-123456', secret: true },
    ]);
    expect(store.getConnection('api')).toMatchObject({ type: 'http', token: 'bearer-abcdef' });
  });

  it('passes secrets through the cipher hook, and reads them back through it', () => {
    const cipher = { encrypt: (s: string) => Buffer.from(s).toString('base64'), decrypt: (s: string) => Buffer.from(s, 'base64').toString() };
    const where = dir();
    new SettingsStore({ dir: where, cipher }).setVariable({ name: 'pw', value: 'plain-pw', secret: true });
    const store = new SettingsStore({ dir: where, cipher });
    expect(readFileSync(store.paths.secrets, 'utf8')).not.toContain('plain-pw');
    expect(store.getVariable('pw')?.value).toBe('plain-pw');
  });

  it('keeps a stored secret when an edit leaves it out, and clears it on an empty string', () => {
    const store = new SettingsStore({ dir: dir() });
    store.setConnection({ type: 'smtp', name: 'mail', host: 'a', password: 'pw-kept' });
    store.setConnection({ type: 'smtp', name: 'mail', host: 'b' });
    expect(store.getConnection('mail')).toMatchObject({ host: 'b', password: 'pw-kept' });
    store.setConnection({ type: 'smtp', name: 'mail', host: 'b', password: '' });
    expect(store.getConnection('mail')).not.toHaveProperty('password');
  });

  it('refuses a bad variable with a clear message and deletes what it is asked to', () => {
    const store = new SettingsStore({ dir: dir() });
    expect(() => store.setVariable({ name: 'has space', value: 'x' })).toThrow(SettingsError);
    store.setVariable({ name: 'gone', value: 'x', secret: true });
    expect(store.deleteVariable('gone')).toBe(true);
    expect(store.variables()).toEqual([]);
    expect(readFileSync(store.paths.secrets, 'utf8')).not.toContain('"gone"');
  });
});
