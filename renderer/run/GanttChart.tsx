import { useMemo } from 'react';
import { editor, useEditor } from '../store/editor';
import { STATE_LABEL } from '../ui/operatorLook';
import { axisTicks, ganttOf } from './gantt';
import { isActive } from './liveRecord';
import { useLiveRun } from './liveRun';
import { formatDuration } from './progress';
import { panel } from './runPanel';
import { useNow } from './useNow';

/** The Gantt tab: the run on screen, a row per task, a bar per try; a click opens that try's log. */
export function GanttChart() {
  const record = useLiveRun((s) => s.record);
  const tasks = useEditor((s) => s.doc.tasks);
  const now = useNow(isActive(record), 500);
  const model = useMemo(
    () =>
      record
        ? ganttOf(
            record,
            tasks.map((t) => t.id),
            now,
          )
        : null,
    [record, tasks, now],
  );
  if (!record || !model) return <p className="run-empty">No run on screen: press Run, or open a run from the Runs tab.</p>;
  if (!model.rows.length) return <p className="run-empty">Nothing has started yet.</p>;
  const ticks = axisTicks(model.spanMs);
  return (
    <div className="gantt" data-testid="gantt">
      <div className="gantt-row gantt-axis" aria-hidden>
        <span className="gantt-label" />
        <span className="gantt-track">
          {ticks.map((t) => (
            <span key={t} className="gantt-tick" style={{ left: `${(100 * t) / (model.spanMs || 1)}%` }}>
              {formatDuration(t)}
            </span>
          ))}
        </span>
      </div>
      {model.rows.map((row) => (
        <div key={row.taskId} className="gantt-row" data-testid={`gantt-row-${row.taskId}`} data-state={row.state}>
          <span className="gantt-label" title={row.taskId}>
            {row.taskId}
          </span>
          <span className="gantt-track">
            {row.bars.length === 0 ? <span className="gantt-note">{STATE_LABEL[row.state]}</span> : null}
            {row.bars.map((bar) => (
              <button
                key={bar.tryNumber}
                type="button"
                className={`gantt-bar state-${bar.state}`}
                style={{ left: `${100 * bar.left}%`, width: `max(3px, ${100 * bar.width}%)` }}
                title={`${row.taskId} · try ${bar.tryNumber} · ${STATE_LABEL[bar.state]} · ${formatDuration(bar.durationMs)}`}
                aria-label={`${row.taskId}, try ${bar.tryNumber}, ${STATE_LABEL[bar.state]}, ${formatDuration(bar.durationMs)}`}
                onClick={() => {
                  if (editor().tasksById.has(row.taskId)) editor().select({ tasks: [row.taskId] });
                  panel.showLog(row.taskId, bar.tryNumber);
                  panel.show('log');
                }}
                data-testid={`gantt-bar-${row.taskId}-${bar.tryNumber}`}
                data-state={bar.state}
              />
            ))}
          </span>
        </div>
      ))}
    </div>
  );
}
