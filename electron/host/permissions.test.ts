import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions';

describe('the desktop window permissions', () => {
  it('allows notifications and reading and writing the clipboard', () => {
    for (const p of ['notifications', 'clipboard-sanitized-write', 'clipboard-read']) expect(isPermissionAllowed(p)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const p of ['media', 'geolocation', 'midi', 'openExternal', 'fullscreen', 'pointerLock', '']) expect(isPermissionAllowed(p)).toBe(false);
  });
});
