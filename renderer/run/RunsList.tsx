import { useEffect } from 'react';
import { useEditor } from '../store/editor';
import { Icon } from '../ui/icons';
import { refreshHistory, useHistory } from './history';
import { useLiveRun } from './liveRun';
import { elapsedMs, formatDuration, formatStart } from './progress';
import { openRun } from './runFlow';

/** The Runs tab: the open pipeline's runs, newest first; a click puts one on screen. */
export function RunsList() {
  const dagId = useEditor((s) => s.doc.id);
  const runs = useHistory((s) => (s.dagId === dagId ? s.runs : null));
  const loading = useHistory((s) => s.loading);
  const error = useHistory((s) => s.error);
  const onScreen = useLiveRun((s) => s.record?.run_id ?? null);
  useEffect(() => {
    void refreshHistory(dagId, false);
  }, [dagId]);
  const now = Date.now();
  return (
    <div className="run-history">
      <div className="run-history-bar">
        <span>
          Runs of <strong>{dagId}</strong>
        </span>
        <button type="button" className="icon-button" aria-label="Refresh runs" onClick={() => void refreshHistory(dagId, false)}>
          <Icon name="history" size={14} />
        </button>
        {error ? <span className="error-text">{error}</span> : null}
      </div>
      {runs && runs.length === 0 && !loading ? <p className="run-empty">No runs of this pipeline yet.</p> : null}
      {runs && runs.length > 0 ? (
        <table className="run-table" data-testid="runs-list">
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Run</th>
              <th scope="col">Started</th>
              <th scope="col">Duration</th>
              <th scope="col">Params</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr
                key={run.run_id}
                className={run.run_id === onScreen ? 'is-current' : undefined}
                aria-selected={run.run_id === onScreen}
                data-testid={`run-row-${run.run_id}`}
                data-state={run.state}
                onClick={() => void openRun(run.run_id)}
              >
                <td>
                  <span className={`run-state-chip run-${run.state}`}>{run.state}</span>
                </td>
                <td>
                  <button type="button" className="link-button" onClick={(e) => {
                      e.stopPropagation();
                      void openRun(run.run_id);
                    }}>
                    {run.run_id}
                  </button>
                </td>
                <td>{formatStart(run.start)}</td>
                <td>{formatDuration(elapsedMs(run.start, run.end, now))}</td>
                <td className="run-params" title={JSON.stringify(run.params, null, 2)}>
                  {Object.keys(run.params).length ? JSON.stringify(run.params) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
