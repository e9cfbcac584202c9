import { useEditor } from '../store/editor';
import { useRun } from '../store/runs';
import { useAllProblems } from '../validation/useProblems';

/** Counts and the current run at a glance. */
export function StatusBar() {
  const tasks = useEditor((s) => s.doc.tasks.length);
  const edges = useEditor((s) => s.doc.edges.length);
  const selected = useEditor((s) => s.selectedTasks.size);
  const problems = useAllProblems().length;
  const runState = useRun((r) => r.runState);
  const runId = useRun((r) => r.runId);
  const done = useRun((r) => Object.values(r.tasks).filter((t) => t.state === 'success' || t.state === 'failed' || t.state === 'skipped' || t.state === 'upstream_failed').length);
  return (
    <footer className="status-bar" aria-label="Status">
      <span>{tasks} tasks</span>
      <span>{edges} connections</span>
      {selected ? <span>{selected} selected</span> : null}
      <span className={problems ? 'status-problems' : 'status-ok'} data-testid="status-problems">
        {problems ? `${problems} problem${problems === 1 ? '' : 's'}` : 'valid'}
      </span>
      <span className="status-spacer" />
      {runId ? (
        <span className={`status-run run-${runState}`} data-testid="run-state" data-state={runState ?? ''}>
          run {runState} · {done}/{tasks} done
        </span>
      ) : null}
    </footer>
  );
}
