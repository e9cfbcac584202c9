import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { Icon } from '../ui/icons';
import { GanttChart } from './GanttChart';
import { LogPanel } from './LogPanel';
import { RunGrid } from './RunGrid';
import { RunHeader } from './RunHeader';
import { RunsList } from './RunsList';
import { panel, useRunPanel, type PanelTab } from './runPanel';

const TABS: { id: PanelTab; label: string; icon: string }[] = [
  { id: 'log', label: 'Log', icon: 'list' },
  { id: 'runs', label: 'Runs', icon: 'history' },
  { id: 'grid', label: 'Grid', icon: 'grid' },
  { id: 'gantt', label: 'Gantt', icon: 'layout' },
];

/** The bottom panel of the run view: the run header, and tabs for the log, the history, the grid and the Gantt chart. */
export function RunPanel() {
  const open = useRunPanel((s) => s.open);
  const tab = useRunPanel((s) => s.tab);
  const height = useRunPanel((s) => s.height);
  const drag = useRef<{ y: number; height: number } | null>(null);

  const onResizeStart = (event: ReactPointerEvent) => {
    event.preventDefault();
    (event.target as Element).setPointerCapture(event.pointerId);
    drag.current = { y: event.clientY, height };
  };
  const onResize = (event: ReactPointerEvent) => {
    if (!drag.current) return;
    const max = window.innerHeight - 200;
    panel.setHeight(Math.min(max, drag.current.height + drag.current.y - event.clientY));
  };

  return (
    <section className={`run-panel${open ? ' is-open' : ''}`} aria-label="Run" data-testid="run-panel">
      {open ? (
        <div
          className="run-panel-resize"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize the run panel"
          tabIndex={0}
          onPointerDown={onResizeStart}
          onPointerMove={onResize}
          onPointerUp={() => {
            drag.current = null;
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowUp') panel.setHeight(height + 24);
            else if (e.key === 'ArrowDown') panel.setHeight(height - 24);
          }}
        />
      ) : null}
      <div className="run-panel-head">
        <div className="run-tabs" role="tablist" aria-label="Run views">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              className="tab"
              id={`run-tab-${t.id}`}
              aria-selected={open && tab === t.id}
              aria-controls="run-panel-body"
              onClick={() => (open && tab === t.id ? panel.toggle() : panel.show(t.id))}
              data-testid={`run-tab-${t.id}`}
            >
              <Icon name={t.icon} size={14} />
              {t.label}
            </button>
          ))}
        </div>
        <RunHeader />
        <button type="button" className="icon-button" aria-label={open ? 'Hide the run panel' : 'Show the run panel'} aria-expanded={open} onClick={() => panel.toggle()}>
          <Icon name={open ? 'chevron-down' : 'chevron'} size={16} />
        </button>
      </div>
      {open ? (
        <div className="run-panel-body" id="run-panel-body" role="tabpanel" aria-labelledby={`run-tab-${tab}`}>
          {tab === 'log' ? <LogPanel /> : tab === 'runs' ? <RunsList /> : tab === 'grid' ? <RunGrid /> : <GanttChart />}
        </div>
      ) : null}
    </section>
  );
}
