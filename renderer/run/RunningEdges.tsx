import { useStore } from 'zustand';
import { runStore } from '../store/runs';

/*
 * Edges into running tasks flow. One style rule per running task, matched on React Flow's `data-id` of the edge
 * (`from->to`), so the canvas and its edges are not re-derived at all while states change.
 */
export function RunningEdges() {
  const running = useStore(runStore, (v) =>
    Object.entries(v.tasks)
      .filter(([, t]) => t.state === 'running')
      .map(([id]) => id)
      .sort()
      .join('\n'),
  );
  if (!running) return null;
  const selectors = running
    .split('\n')
    .map((id) => `.react-flow__edge[data-id$="->${CSS.escape(id)}"] .react-flow__edge-path`)
    .join(',\n');
  return <style data-testid="running-edges">{`${selectors} { stroke: var(--state-running); stroke-width: 2; stroke-dasharray: 6 4; animation: run-edge-flow 0.6s linear infinite; }`}</style>;
}
