import { afterEach, describe, expect, it, vi } from 'vitest';
import { runActions, runStore } from '../store/runs';
import { blankRecord } from './liveRecord';
import { followRunStore, liveRunActions, liveRunStore } from './liveRun';
import { runPanelStore } from './runPanel';

const at = '2026-01-01T00:00:00.000Z';

afterEach(() => {
  runActions.clear();
  liveRunActions.clear();
});

describe('the run on screen', () => {
  it('starts a run on the canvas and in the record, and folds its events into the record', () => {
    liveRunActions.begin('r1', 'demo', ['b']);
    expect(runStore.getState().runId).toBe('r1');
    liveRunActions.event({ type: 'task-state', run_id: 'r1', task_id: 'b', state: 'running', try_number: 1, at });
    expect(liveRunStore.getState().record?.tasks.b?.state).toBe('running');
    expect(liveRunStore.getState().scopes.r1).toEqual(['b']);
  });

  it('paints a run opened from the history on the canvas', () => {
    const record = blankRecord('old', 'demo');
    record.state = 'failed';
    record.tasks.a = { task_id: 'a', state: 'failed', try_number: 2, start: at, end: at, exit_code: 1, tries: [] };
    liveRunActions.show(record);
    expect(runStore.getState()).toEqual({ runId: 'old', runState: 'failed', tasks: { a: { state: 'failed', tryNumber: 2 } } });
  });

  it('lets go of the run and the log when the canvas drops its run, and picks up a run started elsewhere', () => {
    const foreign = vi.fn();
    const stop = followRunStore(foreign);
    liveRunActions.begin('r1', 'demo', null);
    runPanelStore.setState({ logTask: 'a' });
    expect(foreign).not.toHaveBeenCalled();
    runActions.clear();
    expect(liveRunStore.getState().record).toBeNull();
    expect(runPanelStore.getState().logTask).toBeNull();
    runActions.started('r2');
    expect(foreign).toHaveBeenCalledWith('r2');
    expect(liveRunStore.getState().record?.run_id).toBe('r2');
    stop();
  });
});
