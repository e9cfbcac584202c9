import { focusNode } from '../canvas/canvasApi';
import { openDialog } from '../app/dialogs';
import { editor } from '../store/editor';
import { Icon } from '../ui/icons';
import { useAllProblems } from '../validation/useProblems';
import type { LocatedProblem } from '../validation/problemIndex';

/** Every problem of the pipeline; clicking one selects its task and brings it into view. */
export function ProblemsList() {
  const problems = useAllProblems();
  if (problems.length === 0) {
    return (
      <div className="problems-empty" data-testid="problems-list">
        <Icon name="check" size={20} />
        <p>No problems. The pipeline is valid.</p>
      </div>
    );
  }
  return (
    <ul className="problems-list" data-testid="problems-list" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i}>
          <button type="button" className="problem" onClick={() => reveal(p)} data-testid="problem">
            <Icon name="warning" size={14} className="problem-icon" />
            <span className="problem-where">{p.taskId ?? 'pipeline'}</span>
            <span className="problem-path">{p.taskId ? p.local : p.path}</span>
            <span className="problem-message">{p.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function reveal(problem: LocatedProblem): void {
  if (problem.taskId) {
    const s = editor();
    const task = s.tasksById.get(problem.taskId);
    // A task inside a collapsed group must be visible to be selected.
    if (task?.group !== undefined) {
      const parent = new Map(s.doc.groups.map((g) => [g.id, g.parent]));
      for (let g: string | undefined = task.group, n = 0; g !== undefined && n < 100; g = parent.get(g), n++) s.toggleCollapsed(g, false);
    }
    s.select({ tasks: [problem.taskId] });
    requestAnimationFrame(() => focusNode(problem.taskId!));
  } else openDialog({ kind: 'pipeline-settings' });
}
