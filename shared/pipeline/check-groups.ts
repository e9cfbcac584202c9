import { buildGraph, findCycles } from '../graph';
import type { Problem } from '../problems';
import { didYouMean } from './closest';
import type { TaskIndex } from './check-tasks';
import { isRecord, recordsOf, stringField } from './raw';

/**
 * Groups: unique ids, parents and task groups that exist, no nesting in a cycle, and no group
 * sharing an id with a task beside it (Airflow keys both by id inside their enclosing group).
 */
export function checkGroups(groups: unknown, tasks: unknown, taskIndex: TaskIndex, problems: Problem[]): void {
  const groupIndex = new Map<string, number>();
  const entries = recordsOf(groups);
  for (const { index, item } of entries) {
    const id = stringField(item, 'id');
    if (id === undefined) continue;
    const first = groupIndex.get(id);
    if (first === undefined) groupIndex.set(id, index);
    else problems.push({ path: `groups[${index}].id`, message: `duplicate group id "${id}" (first used by groups[${first}])` });
  }

  const nesting: { from: string; to: string }[] = [];
  for (const { index, item } of entries) {
    const id = stringField(item, 'id');
    const parent = stringField(item, 'parent');
    if (parent === undefined) continue;
    if (parent === id) problems.push({ path: `groups[${index}].parent`, message: 'a group cannot be its own parent' });
    else if (!groupIndex.has(parent)) problems.push({ path: `groups[${index}].parent`, message: `unknown group "${parent}"${didYouMean(parent, groupIndex.keys())}` });
    else if (id !== undefined && groupIndex.get(id) === index) nesting.push({ from: id, to: parent });
  }
  const ids = [...groupIndex.keys()];
  for (const cycle of findCycles(buildGraph(ids, nesting))) {
    const first = groupIndex.get(cycle[0]!)!;
    problems.push({ path: `groups[${first}].parent`, message: `groups nested in a cycle: ${[...cycle, cycle[0]].join(' → ')} (each inside the next)` });
  }

  const parentOf = new Map<string, string | undefined>();
  for (const { index, item } of entries) {
    const id = stringField(item, 'id');
    if (id !== undefined && groupIndex.get(id) === index) parentOf.set(id, stringField(item, 'parent'));
  }
  for (const { index, item } of recordsOf(tasks)) {
    const group = stringField(item, 'group');
    if (group !== undefined && !groupIndex.has(group)) {
      problems.push({ path: `tasks[${index}].group`, message: `unknown group "${group}"${didYouMean(group, groupIndex.keys())}` });
    }
  }
  for (const [id, index] of groupIndex) {
    const taskAt = taskIndex.get(id);
    if (taskAt === undefined) continue;
    const task = (tasks as unknown[])[taskAt];
    if (isRecord(task) && stringField(task, 'group') === parentOf.get(id)) {
      problems.push({ path: `groups[${index}].id`, message: `"${id}" is also the id of tasks[${taskAt}] in the same group; Airflow needs them to differ` });
    }
  }
}
