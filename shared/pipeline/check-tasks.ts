import type { OperatorDefinition } from '../operator';
import type { Problem } from '../problems';
import { didYouMean } from './closest';
import type { OperatorLookup } from './lookup';
import { checkWith } from './messages';
import { isRecord, type Raw, recordsOf, stringField } from './raw';

/** Task ids in file order, each mapped to the index of its first task. */
export type TaskIndex = Map<string, number>;

/** Unique task ids; returns the index the other rules use to resolve references. */
export function checkTaskIds(tasks: unknown, problems: Problem[]): TaskIndex {
  const index: TaskIndex = new Map();
  for (const { index: i, item } of recordsOf(tasks)) {
    const id = stringField(item, 'id');
    if (id === undefined) continue;
    const first = index.get(id);
    if (first === undefined) index.set(id, i);
    else problems.push({ path: `tasks[${i}].id`, message: `duplicate task id "${id}" (first used by tasks[${first}])` });
  }
  return index;
}

/** Each task's operator exists and its config satisfies that operator's schema and cross-field rules. */
export function checkOperators(tasks: unknown, operators: OperatorLookup, problems: Problem[]): void {
  for (const { index: i, item } of recordsOf(tasks)) {
    const operatorId = stringField(item, 'operator');
    if (operatorId === undefined) continue;
    const definition = operators(operatorId);
    if (definition === undefined) {
      problems.push({ path: `tasks[${i}].operator`, message: unknownOperator(operatorId, operators) });
      continue;
    }
    if (isRecord(item.config)) checkConfig(definition, item.config, i, problems);
  }
}

function unknownOperator(id: string, operators: OperatorLookup): string {
  const known = operators.ids ?? [];
  const hint = didYouMean(id, known);
  if (hint !== '' || known.length === 0) return `unknown operator "${id}"${hint}`;
  return `unknown operator "${id}"; known operators: ${known.join(', ')}`;
}

function checkConfig(definition: OperatorDefinition, config: Raw, taskIndex: number, problems: Problem[]): void {
  const prefix = ['tasks', taskIndex, 'config'];
  const parsed = checkWith(definition.config, config, prefix);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return;
  }
  if (definition.validate === undefined) return;
  const base = `tasks[${taskIndex}].config`;
  let found: Problem[];
  try {
    found = definition.validate(parsed.data);
  } catch (error) {
    // A definition's rule that throws is a bug in dagstudio, but the user still deserves a line, not a crash.
    found = [{ path: '', message: `could not be checked by the "${definition.id}" operator: ${error instanceof Error ? error.message : String(error)}` }];
  }
  for (const p of found) problems.push({ path: p.path === '' ? base : `${base}.${p.path}`, message: p.message });
}
