import { cancel } from '../app/runCommands';
import { useEditor } from '../store/editor';
import { Icon } from '../ui/icons';
import { setNotifyPref, useNotifyPref } from './desktop';
import { isActive } from './liveRecord';
import { useLiveRun } from './liveRun';
import { elapsedMs, formatDuration, progressOf } from './progress';
import { useNow } from './useNow';

/** The run on screen at a glance: its state, tasks done of total, elapsed time; Cancel while it runs. */
export function RunHeader() {
  const record = useLiveRun((s) => s.record);
  const scope = useLiveRun((s) => (s.record ? s.scopes[s.record.run_id] : undefined));
  const taskIds = useEditor((s) => s.doc.tasks);
  const notify = useNotifyPref();
  const live = isActive(record);
  const now = useNow(live);
  if (!record) {
    return (
      <div className="run-header" data-testid="run-header" data-state="">
        <span className="run-header-title">No run on screen</span>
      </div>
    );
  }
  const progress = progressOf(
    record,
    taskIds.map((t) => t.id),
    scope,
  );
  const elapsed = elapsedMs(record.start, record.end, now);
  return (
    <div className="run-header" data-testid="run-header" data-state={record.state}>
      <span className={`run-state-chip run-${record.state}`} data-testid="run-header-state">
        {live ? <span className="spinner" aria-hidden /> : null}
        {record.state}
      </span>
      <span className="run-header-progress" data-testid="run-progress" aria-label={`${progress.done} of ${progress.total} tasks done`}>
        <span className="run-progress-bar" aria-hidden>
          <span style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
        </span>
        {progress.done}/{progress.total} tasks
      </span>
      <span className="run-header-elapsed" data-testid="run-elapsed" title="Elapsed time">
        {formatDuration(elapsed)}
      </span>
      <span className="run-header-id" title={record.run_id}>
        {record.run_id}
      </span>
      {Object.keys(record.params).length ? (
        <span className="run-header-params" title={JSON.stringify(record.params, null, 2)}>
          params: {JSON.stringify(record.params)}
        </span>
      ) : null}
      <span className="run-spacer" />
      <button
        type="button"
        className={`icon-button run-notify${notify ? ' is-on' : ''}`}
        aria-label="Notify when a run ends"
        aria-pressed={notify}
        title={notify ? 'A notification when a run ends while this window is in the background (on)' : 'No notification when a run ends (off)'}
        onClick={() => void setNotifyPref(!notify)}
      >
        <Icon name="bell" size={15} />
      </button>
      {live ? (
        <button type="button" className="button small" onClick={() => void cancel()} data-testid="run-cancel">
          <Icon name="stop" size={14} />
          Cancel run
        </button>
      ) : null}
    </div>
  );
}
