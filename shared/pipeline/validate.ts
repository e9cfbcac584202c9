import type { Problem } from '../problems';
import { checkEdges } from './check-edges';
import { checkGroups } from './check-groups';
import { checkOperators, checkTaskIds } from './check-tasks';
import type { OperatorLookup } from './lookup';
import { checkWith, describeValue } from './messages';
import { checkVersion } from './migrations';
import { isRecord } from './raw';
import { PIPELINE_FORMAT, pipelineSchema, type Pipeline } from './schema';

export interface Checked {
  /** Every problem found, grouped by place in the file (top-level fields in schema order, items by index). */
  problems: Problem[];
  /** The typed pipeline (defaults filled in) when its structure is valid, even if cross-references are not. */
  pipeline?: Pipeline;
}

/* The envelope is checked by hand so its messages can say what the file is and which versions this app reads. */
const ENVELOPE_FIELDS = new Set(['format', 'version']);

/** The `format` field says this is a dagstudio pipeline. */
export function checkFormatField(format: unknown): Problem | undefined {
  if (format === undefined) return { path: 'format', message: `required (a pipeline file says "format": "${PIPELINE_FORMAT}")` };
  if (format === PIPELINE_FORMAT) return undefined;
  return { path: 'format', message: `must be "${PIPELINE_FORMAT}", got ${typeof format === 'string' ? `"${format}"` : describeValue(format)}` };
}

/** All problems of a current-version document, and the typed pipeline when the structure allows one. */
export function checkPipeline(value: unknown, operators: OperatorLookup): Checked {
  if (!isRecord(value)) return { problems: [{ path: '', message: `expected a pipeline (a JSON object), got ${describeValue(value)}` }] };
  const problems: Problem[] = [];

  const format = checkFormatField(value.format);
  if (format !== undefined) problems.push(format);
  // A document of another version is read through migrations before it gets here.
  const version = checkVersion(value.version, []);
  if (!version.ok) {
    problems.push(version.problem);
    // A newer file's fields mean what a newer dagstudio says; judging them by v1 rules would only mislead.
    if (typeof value.version === 'number' && Number.isInteger(value.version)) return { problems };
  }

  const structure = checkWith(pipelineSchema, value);
  if (!structure.ok) problems.push(...structure.problems.filter((p) => !ENVELOPE_FIELDS.has(p.path)));

  const taskIndex = checkTaskIds(value.tasks, problems);
  checkOperators(value.tasks, operators, problems);
  checkGroups(value.groups, value.tasks, taskIndex, problems);
  checkEdges(value.edges, taskIndex, problems);

  const sorted = inFileOrder(problems);
  return structure.ok ? { problems: sorted, pipeline: structure.data } : { problems: sorted };
}

const FIELD_RANK = new Map(Object.keys(pipelineSchema.shape).map((key, i) => [key, i]));

/**
 * Problems grouped by where they are: top-level fields in schema order, then by item (tasks[2]
 * before tasks[10]); within one place, the order they were found in (the structure first).
 */
function inFileOrder(problems: Problem[]): Problem[] {
  const key = (path: string): [number, number] => {
    const match = /^([^.[]*)(?:\[(\d+)\])?/.exec(path)!;
    return [FIELD_RANK.get(match[1]!) ?? (match[1] === '' ? -1 : FIELD_RANK.size), match[2] === undefined ? -1 : Number(match[2])];
  };
  return problems
    .map((problem, order) => ({ problem, order, at: key(problem.path) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.order - b.order)
    .map((entry) => entry.problem);
}

/**
 * Every problem of a pipeline held in memory (for example one the editor is about to save): the
 * same rules as parse(), without JSON or migrations. An empty list means it is valid.
 */
export function validate(value: unknown, operators: OperatorLookup): Problem[] {
  return checkPipeline(value, operators).problems;
}
