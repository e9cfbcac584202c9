import { buildGraphFromIndexes, findCycles } from '../graph';
import type { Problem } from '../problems';
import { didYouMean } from './closest';
import type { TaskIndex } from './check-tasks';
import { isRecord, stringField } from './raw';

/* Suggesting a close task id costs a scan of all ids; a file with thousands of dangling edges gets suggestions for the first few. */
const MAX_SUGGESTIONS = 20;

/** Edges name existing tasks, are not repeated, are not self-loops, and form no cycle (each cycle named). */
export function checkEdges(edges: unknown, taskIndex: TaskIndex, problems: Problem[]): void {
  if (!Array.isArray(edges)) return;
  // Tasks are numbered by their place in the file and edges handled as pairs of numbers: on
  // 20,000 edges, keying them by strings would cost more than everything else here. Places of
  // repeated or unreadable ids get an empty name, which no edge can use.
  let size = 0;
  for (const index of taskIndex.values()) size = Math.max(size, index + 1);
  const names = new Array<string>(size).fill('');
  for (const [id, index] of taskIndex) names[index] = id;

  const from: number[] = [];
  const to: number[] = [];
  const position: number[] = [];
  let suggestions = 0;
  const unknownTask = (id: string) => {
    const hint = suggestions++ < MAX_SUGGESTIONS ? didYouMean(id, taskIndex.keys()) : '';
    return `unknown task "${id}"${hint}`;
  };
  for (let index = 0; index < edges.length; index++) {
    const item: unknown = edges[index];
    if (!isRecord(item)) continue;
    const fromId = stringField(item, 'from');
    const toId = stringField(item, 'to');
    const fromTask = fromId === undefined ? undefined : taskIndex.get(fromId);
    const toTask = toId === undefined ? undefined : taskIndex.get(toId);
    if (fromId !== undefined && fromTask === undefined) problems.push({ path: `edges[${index}].from`, message: unknownTask(fromId) });
    if (toId !== undefined && toTask === undefined) problems.push({ path: `edges[${index}].to`, message: unknownTask(toId) });
    if (fromTask === undefined || toTask === undefined) continue;
    if (fromTask === toTask) {
      problems.push({ path: `edges[${index}]`, message: `a task cannot depend on itself (${fromId} → ${toId})` });
      continue;
    }
    from.push(fromTask);
    to.push(toTask);
    position.push(index);
  }

  const graph = buildGraphFromIndexes(names, from, to);
  const cycles = findCycles(graph);
  const distinct = graph.downstream.reduce((sum, list) => sum + list.length, 0);
  if (distinct === from.length && cycles.length === 0) return;

  // Only a file with repeated edges or cycles pays for the lookup of each edge's first place.
  const firstAt = new Map<number, number>();
  for (let k = 0; k < from.length; k++) {
    const key = from[k]! * size + to[k]!;
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, position[k]!);
    else problems.push({ path: `edges[${position[k]}]`, message: `duplicate edge ${names[from[k]!]} → ${names[to[k]!]} (same as edges[${first}])` });
  }
  for (const cycle of cycles) {
    const last = taskIndex.get(cycle[cycle.length - 1]!)!;
    const closing = firstAt.get(last * size + taskIndex.get(cycle[0]!)!)!;
    problems.push({ path: `edges[${closing}]`, message: `cycle: ${[...cycle, cycle[0]].join(' → ')}` });
  }
}
