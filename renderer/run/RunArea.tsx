import { useEffect, type ReactNode } from 'react';
import './run.css';
import { RunDialogs } from './RunDialogs';
import { RunningEdges } from './RunningEdges';
import { startRunEvents } from './runEvents';
import { RunPanel } from './RunPanel';
import { useRunPanel } from './runPanel';
import { TaskContextMenu } from './TaskContextMenu';

/** The canvas with the run panel under it (App mounts this around the canvas), plus the run view's overlays. */
export function RunArea({ children }: { children: ReactNode }) {
  useEffect(() => startRunEvents(), []);
  const open = useRunPanel((s) => s.open);
  const height = useRunPanel((s) => s.height);
  return (
    <div className="run-area" style={{ gridTemplateRows: open ? `minmax(0, 1fr) ${height}px` : 'minmax(0, 1fr) auto' }}>
      {children}
      <RunPanel />
      <RunningEdges />
      <TaskContextMenu />
      <RunDialogs />
    </div>
  );
}
