import { getHost } from '../host';
import { editorStore } from '../store/editor';
import { startDesktopTouches } from './desktop';
import { historyStore, markStale, refreshHistory } from './history';
import { followRunStore, liveRunActions } from './liveRun';
import { appendLog } from './logStore';
import { syncRecord } from './runFlow';
import { panel, runPanelStore } from './runPanel';

/**
 * Wires the run view to the host once: run events into the record on screen and the log buffers, run ends into
 * the history, the canvas selection into the log panel. Returns the function that undoes it.
 */

let stop: (() => void) | null = null;
let historyTimer: ReturnType<typeof setTimeout> | null = null;

function refreshHistorySoon(): void {
  if (historyTimer) return;
  historyTimer = setTimeout(() => {
    historyTimer = null;
    const { dagId } = historyStore.getState();
    const { open, tab } = runPanelStore.getState();
    if (dagId && open && (tab === 'runs' || tab === 'grid')) void refreshHistory(dagId, tab === 'grid');
  }, 300);
}

export function startRunEvents(): () => void {
  if (stop) return stop;
  let host;
  try {
    host = getHost();
  } catch {
    return () => {};
  }
  const cleanups = [
    host.onEvent((event) => {
      if (event.type === 'log') appendLog(event);
      else if (event.type === 'task-state') liveRunActions.event(event);
      else if (event.type === 'run-state') {
        liveRunActions.event(event);
        markStale(event.run_id);
        refreshHistorySoon();
      }
    }),
    followRunStore((runId) => void syncRecord(runId)),
    editorStore.subscribe((state, previous) => {
      if (state.selectedTasks === previous.selectedTasks || state.selectedTasks.size !== 1) return;
      const [id] = state.selectedTasks;
      if (id !== undefined && id !== runPanelStore.getState().logTask) panel.showLog(id);
    }),
    startDesktopTouches(),
  ];
  stop = () => {
    for (const cleanup of cleanups) cleanup();
    stop = null;
  };
  return stop;
}
