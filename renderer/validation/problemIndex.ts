import type { Pipeline } from '../../shared/pipeline/schema';
import type { Problem } from '../../shared/problems';

/** A problem tied to where it shows: a task (with the path inside the task) or the pipeline itself. */
export interface LocatedProblem extends Problem {
  taskId: string | null;
  /** The path inside the task (`config.command`, `retries`), or the full path for pipeline-level problems. */
  local: string;
}

export interface ProblemIndex {
  all: LocatedProblem[];
  byTask: ReadonlyMap<string, LocatedProblem[]>;
  pipeline: LocatedProblem[];
}

const TASK_PATH = /^tasks\[(\d+)\](?:\.(.*))?$/;

/** Sorts validation problems by task (the index in the path refers to the document that was validated). */
export function indexProblems(doc: Pipeline, problems: readonly Problem[]): ProblemIndex {
  const byTask = new Map<string, LocatedProblem[]>();
  const pipeline: LocatedProblem[] = [];
  const all: LocatedProblem[] = [];
  for (const problem of problems) {
    const match = TASK_PATH.exec(problem.path);
    const task = match ? doc.tasks[Number(match[1])] : undefined;
    if (task) {
      const located: LocatedProblem = { ...problem, taskId: task.id, local: match![2] ?? '' };
      const list = byTask.get(task.id);
      if (list) list.push(located);
      else byTask.set(task.id, [located]);
      all.push(located);
    } else {
      const located: LocatedProblem = { ...problem, taskId: edgeTask(doc, problem.path), local: problem.path };
      pipeline.push(located);
      all.push(located);
    }
  }
  return { all, byTask, pipeline };
}

/* A problem about an edge (`edges[2]…`) is shown on its downstream task, which the edge belongs to in Airflow terms. */
function edgeTask(doc: Pipeline, path: string): string | null {
  const match = /^edges\[(\d+)\]/.exec(path);
  if (!match) return null;
  const edge = doc.edges[Number(match[1])];
  return edge && doc.tasks.some((t) => t.id === edge.to) ? edge.to : null;
}

/** Problems about one config field: the field itself or anything inside it (`config.channels.email.to`). */
export function problemsAt(problems: readonly LocatedProblem[] | undefined, local: string): LocatedProblem[] {
  if (!problems) return [];
  return problems.filter((p) => p.local === local || p.local.startsWith(local + '.') || p.local.startsWith(local + '['));
}
