import { describe, expect, it } from 'vitest';
import { endKey, shouldNotify, type NotifyContext } from './desktop';

const browser: NotifyContext = { kind: 'browser', enabled: true, focused: false, permission: 'granted' };
const running = { run_id: 'r1', state: 'running' as const };
const ended = { run_id: 'r1', state: 'failed' as const };

describe('shouldNotify', () => {
  it('notifies when the run on screen ends while the browser window is in the background', () => {
    expect(shouldNotify(running, ended, browser)).toBe(true);
    expect(shouldNotify(running, { ...ended, state: 'success' }, browser)).toBe(true);
  });

  it('stays quiet when the window has focus, the preference is off, permission is missing, or in the desktop app', () => {
    expect(shouldNotify(running, ended, { ...browser, focused: true })).toBe(false);
    expect(shouldNotify(running, ended, { ...browser, enabled: false })).toBe(false);
    expect(shouldNotify(running, ended, { ...browser, permission: 'default' })).toBe(false);
    expect(shouldNotify(running, ended, { ...browser, kind: 'electron' })).toBe(false);
  });

  it('stays quiet for anything but the same run going from live to ended', () => {
    expect(shouldNotify(ended, ended, browser)).toBe(false);
    expect(shouldNotify(running, running, browser)).toBe(false);
    expect(shouldNotify(running, { run_id: 'r2', state: 'success' }, browser)).toBe(false);
    expect(shouldNotify(null, ended, browser)).toBe(false);
  });
});

describe('endKey', () => {
  it('is the same for one end of a run told twice, and new for a later end of the same run (a retry)', () => {
    const end = { run_id: 'r1', state: 'failed' as const, end: '2026-01-01T00:00:05.000Z' };
    expect(endKey(end)).toBe(endKey({ ...end }));
    expect(endKey(end)).not.toBe(endKey({ ...end, end: '2026-01-01T00:01:00.000Z' }));
    expect(endKey(end)).not.toBe(endKey({ ...end, run_id: 'r2' }));
  });
});
