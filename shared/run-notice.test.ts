import { describe, expect, it } from 'vitest';
import { runEndNotice, shouldNoticeRunEnd } from './run-notice';

describe('shouldNoticeRunEnd', () => {
  it('notices a run end only with the preference on, the window in the background and notifications permitted', () => {
    expect(shouldNoticeRunEnd({ enabled: true, focused: false, permitted: true })).toBe(true);
    expect(shouldNoticeRunEnd({ enabled: false, focused: false, permitted: true })).toBe(false);
    expect(shouldNoticeRunEnd({ enabled: true, focused: true, permitted: true })).toBe(false);
    expect(shouldNoticeRunEnd({ enabled: true, focused: false, permitted: false })).toBe(false);
  });
});

describe('runEndNotice', () => {
  it('names the pipeline and how the run ended, then counts its tasks by final state', () => {
    const tasks = { a: { state: 'success' as const }, b: { state: 'success' as const }, c: { state: 'failed' as const }, d: { state: 'upstream_failed' as const }, e: { state: 'none' as const } };
    expect(runEndNotice('pets', 'manual__1', 'failed', tasks)).toEqual({ title: 'pets failed', body: 'Run manual__1: 2 success, 1 failed, 1 upstream_failed.' });
    expect(runEndNotice('pets', 'manual__1', 'success', { a: { state: 'success' } }).title).toBe('pets succeeded');
    expect(runEndNotice('pets', 'manual__1', 'cancelled').title).toBe('pets was cancelled');
    expect(runEndNotice('pets', 'manual__1', 'cancelled').body).toBe('Run manual__1.');
  });
});
