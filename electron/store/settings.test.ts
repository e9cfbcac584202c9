import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-dir';
import { SettingsError, SettingsStore } from './settings';

const dir = () => tempDir('dagstudio-settings-');

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
    const cipher = { scheme: 'test-b64', encrypt: (s: string) => Buffer.from(s).toString('base64'), decrypt: (s: string) => Buffer.from(s, 'base64').toString() };
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

  it('marks encrypted secrets, so a process without the cipher leaves them out and says which and why, never using ciphertext', () => {
    const cipher = { scheme: 'test-b64', encrypt: (s: string) => Buffer.from(s).toString('base64'), decrypt: (s: string) => Buffer.from(s, 'base64').toString() };
    const where = dir();
    const app = new SettingsStore({ dir: where, cipher });
    app.setVariable({ name: 'token', value: 'tok-secret-1', secret: true });
    app.setVariable({ name: 'region', value: 'eu-west-1' });
    app.setConnection({ type: 'smtp', name: 'mail', host: 'h', password: 'pw-secret-2' });
    expect(readFileSync(app.paths.secrets, 'utf8')).toContain('enc:test-b64:');

    const cli = new SettingsStore({ dir: where });
    expect(cli.variables()).toEqual([{ name: 'region', value: 'eu-west-1', secret: false }]);
    const mail = cli.getConnection('mail');
    expect(mail).toMatchObject({ name: 'mail', host: 'h' });
    expect(mail).not.toHaveProperty('password');
    const why = cli.unreadableSecrets();
    expect(why).toHaveLength(2);
    expect(why[0]).toMatch(/^variable "token" was saved encrypted \(test-b64\) by the desktop app .*--var NAME=VALUE/);
    expect(why[1]).toMatch(/^connection "mail" field "password" was saved encrypted/);
  });

  it('reads plain secrets saved by the command line in the app, and forgets a reason once the secret is readable again', () => {
    const cipher = { scheme: 'test-b64', encrypt: (s: string) => Buffer.from(s).toString('base64'), decrypt: (s: string) => Buffer.from(s, 'base64').toString() };
    const where = dir();
    new SettingsStore({ dir: where }).setVariable({ name: 'token', value: 'plain-from-cli', secret: true });
    const app = new SettingsStore({ dir: where, cipher });
    expect(app.getVariable('token')?.value).toBe('plain-from-cli');

    app.setVariable({ name: 'token', value: 'now-encrypted', secret: true });
    const cli = new SettingsStore({ dir: where });
    expect(cli.variables()).toEqual([]);
    expect(cli.unreadableSecrets()).toHaveLength(1);
    cli.setVariable({ name: 'token', value: 'plain-again', secret: true });
    expect(cli.getVariable('token')?.value).toBe('plain-again');
    expect(cli.unreadableSecrets()).toEqual([]);
  });

  it('says a secret cannot be decrypted when the cipher fails on it', () => {
    const where = dir();
    new SettingsStore({ dir: where, cipher: { scheme: 'k', encrypt: (s) => s, decrypt: (s) => s } }).setVariable({ name: 'pw', value: 'x-123456', secret: true });
    const broken = new SettingsStore({ dir: where, cipher: { scheme: 'k', encrypt: (s) => s, decrypt: () => { throw new Error('bad key'); } } });
    expect(broken.variables()).toEqual([]);
    expect(broken.unreadableSecrets()[0]).toMatch(/variable "pw" cannot be decrypted \(was it saved on another machine/);
  });
});
