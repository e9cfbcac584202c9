import { buildGraph, findCycles, type GraphEdge } from '../graph';
import type { Problem } from '../problems';
import { didYouMean } from './closest';
import type { TaskIndex } from './check-tasks';
import { recordsOf, stringField } from './raw';

/* Suggesting a close task id costs a scan of all ids; a file with thousands of dangling edges gets suggestions for the first few. */
const MAX_SUGGESTIONS = 20;

/** Edges name existing tasks, are not repeated, are not self-loops, and form no cycle (each cycle named). */
export function checkEdges(edges: unknown, taskIndex: TaskIndex, problems: Problem[]): void {
  const seen = new Map<string, number>();
  const graphEdges: GraphEdge[] = [];
  let suggestions = 0;
  const unknownTask = (id: string) => {
    const hint = suggestions++ < MAX_SUGGESTIONS ? didYouMean(id, taskIndex.keys()) : '';
    return `unknown task "${id}"${hint}`;
  };

  for (const { index, item } of recordsOf(edges)) {
    const from = stringField(item, 'from');
    const to = stringField(item, 'to');
    const fromKnown = from !== undefined && taskIndex.has(from);
    const toKnown = to !== undefined && taskIndex.has(to);
    if (from !== undefined && !fromKnown) problems.push({ path: `edges[${index}].from`, message: unknownTask(from) });
    if (to !== undefined && !toKnown) problems.push({ path: `edges[${index}].to`, message: unknownTask(to) });
    if (!fromKnown || !toKnown) continue;
    if (from === to) {
      problems.push({ path: `edges[${index}]`, message: `a task cannot depend on itself (${from} → ${to})` });
      continue;
    }
    const key = `${from}\u0000${to}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ path: `edges[${index}]`, message: `duplicate edge ${from} → ${to} (same as edges[${first}])` });
      continue;
    }
    seen.set(key, index);
    graphEdges.push({ from: from!, to: to! });
  }

  for (const cycle of findCycles(buildGraph([...taskIndex.keys()], graphEdges))) {
    const last = cycle[cycle.length - 1]!;
    const closing = seen.get(`${last}\u0000${cycle[0]}`)!;
    problems.push({ path: `edges[${closing}]`, message: `cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  }
}
