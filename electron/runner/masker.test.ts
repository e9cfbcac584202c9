import { describe, expect, it } from 'vitest';
import { SecretMasker } from './masker';

const stream = (masker: SecretMasker, chunks: string[]) => chunks.map((c) => masker.push(c)).join('') + masker.end();

describe('SecretMasker', () => {
  it('masks a secret split across chunks at every possible point', () => {
    const text = 'token=hunter2-xyz and again hunter2-xyz.';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(stream(new SecretMasker(['hunter2-xyz']), [text.slice(0, cut), text.slice(cut)])).toBe('token=*** and again ***.');
    }
  });

  it('masks a secret arriving one character at a time', () => {
    expect(stream(new SecretMasker(['abcdef']), [...'xxabcdefyy'])).toBe('xx***yy');
  });

  it('holds back only what could start a secret, and gives it back at the end', () => {
    const m = new SecretMasker(['secret']);
    expect(m.push('a sec')).toBe('a ');
    expect(m.end()).toBe('sec');
  });

  it('prefers the longest secret and ignores values too short to be secrets', () => {
    const m = new SecretMasker(['pass', 'password1', 'ab']);
    expect(m.mask('password1 pass ab')).toBe('*** *** ab');
  });

  it('masks inside JSON-like values', () => {
    expect(new SecretMasker(['s3cr3t']).maskDeep({ a: ['x s3cr3t'], b: 1 })).toEqual({ a: ['x ***'], b: 1 });
  });

  it('passes text through untouched when there is nothing to mask', () => {
    const m = new SecretMasker([]);
    expect(m.active).toBe(false);
    expect(m.push('abc')).toBe('abc');
  });
});
