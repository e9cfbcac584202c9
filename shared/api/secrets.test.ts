import { describe, expect, it } from 'vitest';
import type { Connection, Variable } from '../settings';
import { maskConnection, maskVariable, mergeConnection, mergeVariable } from './secrets';
import { SECRET_MASK } from './settings-requests';

describe('secrets on the way out and back', () => {
  it('masks a secret variable and leaves a plain one as it is', () => {
    const secret: Variable = { name: 'token', value: 's3cr3t', secret: true };
    const plain: Variable = { name: 'region', value: 'eu-west-1', secret: false };
    expect(maskVariable(secret).value).toBe(SECRET_MASK);
    expect(maskVariable(plain)).toEqual(plain);
  });

  it('masks every secret field of a connection and nothing else', () => {
    const aws: Connection = { type: 'aws', name: 'aws', region: 'us-east-1', access_key_id: 'AKIA', secret_access_key: 'wJalr', session_token: 'tok' };
    const masked = maskConnection(aws);
    expect(masked).toEqual({ ...aws, secret_access_key: SECRET_MASK, session_token: SECRET_MASK });
    expect(JSON.stringify(masked)).not.toContain('wJalr');
  });

  it('keeps the stored secret when the mask comes back, and takes a new value when one is typed', () => {
    const stored: Connection = { type: 'smtp', name: 'mail', host: 'a', port: 25, secure: false, password: 'pw' };
    expect(mergeConnection({ ...stored, host: 'b', password: SECRET_MASK }, stored)).toEqual({ ...stored, host: 'b' });
    expect(mergeConnection({ ...stored, password: 'new' }, stored)).toMatchObject({ password: 'new' });
    expect(mergeVariable({ name: 'v', value: SECRET_MASK, secret: true }, { name: 'v', value: 'old', secret: true }).value).toBe('old');
  });

  it('refuses to store the mask itself when there is nothing to keep', () => {
    expect(() => mergeVariable({ name: 'v', value: SECRET_MASK, secret: true }, undefined)).toThrow(/no secret value is stored/);
    expect(() => mergeVariable({ name: 'v', value: SECRET_MASK, secret: true }, { name: 'v', value: 'plain', secret: false })).toThrow();
    expect(() =>
      mergeConnection({ type: 'http', name: 'h', base_url: 'http://x', token: SECRET_MASK }, { type: 'aws', name: 'h', secret_access_key: 'k' }),
    ).toThrow(/token is the secret mask/);
    expect(() => mergeConnection({ type: 'http', name: 'h', base_url: SECRET_MASK }, undefined)).toThrow(/not a secret field/);
  });
});
