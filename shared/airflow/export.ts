import { fieldsOf, type OperatorDefinition } from '../operator';
import type { Problem } from '../problems';
import type { Group, Pipeline, Task } from '../pipeline/schema';
import { embedPipeline } from './embed';
import { resolveHelpers } from './helpers';
import { renderImports, type AirflowName, type StdlibName } from './imports';
import type { AirflowMapping, ExportIssue, MappedTask } from './mapping';
import { PY_KEYWORDS, py, pyCall, pyComment, pyIdentifier, pyNumber, pyStr, pyValue } from './python';
import { deletePath, getPath, isLiteralSecret, secretConfigPaths } from './secrets';

/**
 * The Airflow exporter: one pipeline → one Python DAG file that an Airflow engineer can read and keep,
 * plus the list of everything that could not be carried over exactly (never a silent drop). Pure.
 */

export interface AirflowExportOptions {
  /** The pipeline file's text, embedded so `dagstudio import` gives back the same bytes. */
  source: string;
  operator: (id: string) => OperatorDefinition | undefined;
  mapping: (id: string) => AirflowMapping | undefined;
}

export type AirflowExportResult = { ok: true; code: string; issues: ExportIssue[] } | { ok: false; problems: Problem[] };

/* Airflow's start_date is required for a schedule; a fixed past date with catchup=False schedules from now on. */
const START_DATE = 'datetime(2024, 1, 1, tzinfo=timezone.utc)';
const DAG_TAGS = ['dagstudio'];
const INDENT = '    ';

const RESERVED = new Set([
  ...PY_KEYWORDS,
  'dag', 'datetime', 'timedelta', 'timezone', 'os', 'json', 're', 'signal', 'struct', 'subprocess', 'tempfile',
  'threading', 'pty', 'fcntl', 'termios', 'urllib', 'html', 'time', 'print', 'list', 'dict', 'str', 'id', 'DAG_FOLDER',
]);

function seconds(value: number): string {
  return `timedelta(seconds=${pyNumber(value)})`;
}

/** Python variable names for task ids: valid, unique, and clear of every name the file imports or defines. */
function variableNames(tasks: readonly Task[], taken: ReadonlySet<string>): Map<string, string> {
  const used = new Set(taken);
  const out = new Map<string, string>();
  for (const task of tasks) {
    const base = pyIdentifier(task.id);
    let name = base;
    for (let n = 2; used.has(name) || RESERVED.has(name) || name.startsWith('_dagstudio') || name.startsWith('Dagstudio'); n++) name = `${base}_${n}`;
    used.add(name);
    out.set(task.id, name);
  }
  return out;
}

function usedVariables(pipeline: Pipeline): string[] {
  const names = new Set<string>();
  const text = JSON.stringify(pipeline.tasks.map((t) => t.config));
  for (const match of text.matchAll(/\bvar\.(?:value|json)\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1] as string);
  for (const match of text.matchAll(/\bvar\.(?:value|json)\.get\(\s*\\?['"]([^'"\\]+)\\?['"]/g)) names.add(match[1] as string);
  return [...names].sort();
}

/** Whether any other task's config pulls this task's XCom (`xcom_pull(task_ids='id')` or `task_ids=["id", …]`). */
function pulledByOthers(pipeline: Pipeline, taskId: string): boolean {
  const quoted = new RegExp(`xcom_pull\\([^)]*?['"]${taskId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]`);
  return pipeline.tasks.some((t) => t.id !== taskId && quoted.test(JSON.stringify(t.config).replace(/\\"/g, '"')));
}

/* Trigger rules under which a failure upstream makes the task upstream_failed (and so reaches the leaves). */
const PROPAGATES_FAILURE = new Set(['all_success', 'none_failed', 'none_failed_min_one_success']);

/**
 * Airflow derives a run's state from its leaf tasks, dagstudio from every task (DESIGN.md §3). The two
 * differ for a task whose failure cannot reach a leaf as failed/upstream_failed: the tasks it returns.
 */
function failuresAirflowMayNotSee(pipeline: Pipeline): string[] {
  const children = new Map<string, string[]>();
  for (const edge of pipeline.edges) children.set(edge.from, [...(children.get(edge.from) ?? []), edge.to]);
  const rule = new Map(pipeline.tasks.map((t) => [t.id, t.trigger_rule ?? pipeline.defaults?.trigger_rule ?? 'all_success']));
  const reaches = new Map<string, boolean>();
  const visit = (id: string, path: Set<string>): boolean => {
    const known = reaches.get(id);
    if (known !== undefined) return known;
    if (path.has(id)) return false;
    path.add(id);
    const next = children.get(id) ?? [];
    const result = next.length === 0 || next.some((c) => PROPAGATES_FAILURE.has(rule.get(c) as string) && visit(c, path));
    path.delete(id);
    reaches.set(id, result);
    return result;
  };
  return pipeline.tasks.map((t) => t.id).filter((id) => !visit(id, new Set()));
}

interface TaskPlan {
  task: Task;
  mapped: MappedTask;
}

export function exportAirflow(pipeline: Pipeline, options: AirflowExportOptions): AirflowExportResult {
  const problems: Problem[] = [];
  const issues: ExportIssue[] = [];
  const plans: TaskPlan[] = [];
  const connections = new Map<string, string>();
  let embedded: Record<string, unknown> | undefined;

  pipeline.tasks.forEach((task, index) => {
    const definition = options.operator(task.operator);
    const mapping = options.mapping(task.operator);
    if (!definition) {
      problems.push({ path: `tasks[${index}].operator`, message: `unknown operator "${task.operator}"` });
      return;
    }
    if (!mapping) {
      problems.push({ path: `tasks[${index}].operator`, message: `operator "${task.operator}" has no Airflow mapping` });
      return;
    }
    const parsed = definition.config.safeParse(task.config);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ path: [`tasks[${index}].config`, ...issue.path.map(String)].join('.'), message: issue.message });
      }
      return;
    }
    const config = parsed.data as Record<string, unknown>;
    for (const f of fieldsOf(definition)) {
      const value = config[f.key];
      if (f.ui.widget === 'connection' && typeof value === 'string' && value !== '') connections.set(value, f.ui.connectionType ?? 'generic');
    }
    // A secret written into the pipeline must not travel in the DAG file, not even in the embedded copy.
    for (const path of secretConfigPaths(definition)) {
      const value = getPath(task.config, path);
      if (!isLiteralSecret(value)) continue;
      embedded ??= JSON.parse(options.source) as Record<string, unknown>;
      const copy = (embedded.tasks as Array<{ id: string; config: unknown }>).find((t) => t.id === task.id);
      if (copy) deletePath(copy.config, path);
      issues.push({
        task_id: task.id,
        field: ['config', ...path].join('.'),
        message: 'a secret: left out of the exported file and of the pipeline embedded in it (`dagstudio import` gives it back without this value)',
      });
    }
    const mapped = mapping({ task, config });
    for (const issue of mapped.issues ?? []) issues.push({ task_id: task.id, field: issue.field, message: issue.message });
    for (const c of mapped.connections ?? []) connections.set(c.name, c.type);
    if (mapped.returnDiffers !== undefined && pulledByOthers(pipeline, task.id)) {
      issues.push({ task_id: task.id, field: 'return_value', message: `another task pulls its XCom, which differs in Airflow: ${mapped.returnDiffers}` });
    }
    plans.push({ task, mapped });
  });
  if (problems.length > 0) return { ok: false, problems };

  const unseen = failuresAirflowMayNotSee(pipeline);
  if (unseen.length > 0) {
    const named = unseen.length > 5 ? `${unseen.slice(0, 5).join(', ')} and ${unseen.length - 5} more` : unseen.join(', ');
    issues.push({
      task_id: null,
      field: 'run_state',
      message: `Airflow sets a run's state from its leaf tasks: when ${unseen.length === 1 ? named : `any of ${named}`} fails, no leaf fails with it (trigger rules such as all_done or one_failed downstream), so Airflow marks the run success where dagstudio marks it failed`,
    });
  }

  const groupIds = new Map<string, string>();
  const taskIds = new Set(pipeline.tasks.map((t) => t.id));
  for (const group of pipeline.groups) {
    let id = group.id;
    // Airflow keeps task and group ids in one namespace per DAG.
    while (taskIds.has(id)) id = `${id}_group`;
    if (id !== group.id) {
      issues.push({ task_id: null, field: `groups.${group.id}`, message: `renamed to "${id}" in Airflow: a task has the same id, and Airflow keeps task and group ids in one namespace` });
    }
    groupIds.set(group.id, id);
  }

  const helpers = resolveHelpers(plans.flatMap((p) => p.mapped.helpers ?? []));
  const airflow = new Set<AirflowName>(['DAG']);
  const stdlib = new Set<StdlibName>(['datetime', 'timezone']);
  const modules = new Set<string>();
  for (const helper of helpers) {
    helper.modules.forEach((m) => modules.add(m));
    helper.airflow.forEach((n) => airflow.add(n));
  }
  for (const plan of plans) (plan.mapped.imports ?? []).forEach((n) => airflow.add(n));
  if (pipeline.groups.length > 0) airflow.add('TaskGroup');

  const defaults = pipeline.defaults ?? {};
  const usesDelay = defaults.retry_delay_s !== undefined || pipeline.tasks.some((t) => t.retry_delay_s !== undefined);
  const usesTimeout = defaults.timeout_s !== undefined || pipeline.tasks.some((t) => t.timeout_s !== undefined);
  if (usesDelay || usesTimeout) stdlib.add('timedelta');

  const taken = new Set<string>([...airflow, ...helpers.map((h) => h.id)]);
  const names = variableNames(pipeline.tasks, taken);
  const out: string[] = [];
  out.push(...header(pipeline, connections, usedVariables(pipeline)));
  out.push(renderImports([...modules], [...stdlib], [...airflow]));
  for (const helper of helpers) out.push('', '', helper.code);
  out.push('', '');
  out.push(dagOpen(pipeline));

  const body: string[] = [];
  const tasksByGroup = new Map<string | undefined, TaskPlan[]>();
  for (const plan of plans) tasksByGroup.set(plan.task.group, [...(tasksByGroup.get(plan.task.group) ?? []), plan]);
  const groupsByParent = new Map<string | undefined, Group[]>();
  for (const group of pipeline.groups) groupsByParent.set(group.parent, [...(groupsByParent.get(group.parent) ?? []), group]);

  const emitScope = (scope: string | undefined, level: number) => {
    const blocks: string[] = [];
    for (const plan of tasksByGroup.get(scope) ?? []) blocks.push(taskCode(plan, names.get(plan.task.id) as string, level));
    for (const group of groupsByParent.get(scope) ?? []) {
      const args: string[] = [`group_id=${pyStr(groupIds.get(group.id) as string)}`, 'prefix_group_id=False'];
      if (group.label !== undefined && group.label !== '') args.push(`tooltip=${pyStr(group.label)}`);
      const inner = emitScope(group.id, level + 1);
      blocks.push(`${INDENT.repeat(level)}with TaskGroup(${args.join(', ')}):\n${inner === '' ? INDENT.repeat(level + 1) + 'pass' : inner}`);
    }
    return blocks.join('\n\n');
  };
  const tasksCode = emitScope(undefined, 1);
  if (tasksCode !== '') body.push(tasksCode);

  const edgeLines = edgesCode(pipeline, names);
  if (edgeLines.length > 0) body.push(edgeLines.map((l) => INDENT + l).join('\n'));
  out.push(body.length > 0 ? body.join('\n\n') : INDENT + 'pass');
  out.push('', '');
  const source = embedded === undefined ? options.source : JSON.stringify(embedded, null, 2) + '\n';
  out.push(embedPipeline(source));
  return { ok: true, code: out.join('\n'), issues };
}

function header(pipeline: Pipeline, connections: ReadonlyMap<string, string>, variables: readonly string[]): string[] {
  const title = pipeline.title !== undefined && pipeline.title.trim() !== '' ? pyComment(pipeline.title) : pipeline.id;
  const lines = [
    `# ${title}: an Apache Airflow DAG exported from the dagstudio pipeline "${pipeline.id}".`,
    '#',
    '# Written by `dagstudio export --to airflow`; `dagstudio import` on this file gives back the pipeline file',
    '# (it is embedded at the end). For Apache Airflow 2.9+ and 3.x.',
    '# Bash and Python tasks run as under `dagstudio run`: paths relative to the pipeline file are relative to',
    "# this file's folder here (put the pipeline's scripts next to it), exit code 99 skips, and the XCom value is",
    '# the JSON written to $DAGSTUDIO_RETURN_FILE or else the last non-empty line of output.',
  ];
  if (connections.size > 0) {
    lines.push('#', '# Airflow connections it uses (conn_id: type); create them with the same ids:');
    for (const [name, type] of [...connections].sort(([a], [b]) => a.localeCompare(b))) lines.push(`#   ${pyComment(name)}: ${type}`);
  }
  if (variables.length > 0) {
    lines.push('#', '# Airflow variables it reads:');
    for (const name of variables) lines.push(`#   ${name}`);
  }
  lines.push('');
  return lines;
}

function dagOpen(pipeline: Pipeline): string {
  const defaults = pipeline.defaults ?? {};
  const defaultArgs: Record<string, unknown> = {};
  if (defaults.retries !== undefined) defaultArgs.retries = defaults.retries;
  if (defaults.retry_delay_s !== undefined) defaultArgs.retry_delay = py(seconds(defaults.retry_delay_s));
  if (defaults.timeout_s !== undefined) defaultArgs.execution_timeout = py(seconds(defaults.timeout_s));
  if (defaults.trigger_rule !== undefined) defaultArgs.trigger_rule = defaults.trigger_rule;
  const call = pyCall('DAG', [
    ['dag_id', pipeline.id],
    ['dag_display_name', pipeline.title !== undefined && pipeline.title !== '' ? pipeline.title : undefined],
    ['schedule', pipeline.schedule],
    ['start_date', py(START_DATE)],
    ['catchup', false],
    ['params', Object.keys(pipeline.params).length > 0 ? pipeline.params : undefined],
    ['default_args', Object.keys(defaultArgs).length > 0 ? defaultArgs : undefined],
    ['doc_md', pipeline.description !== undefined && pipeline.description !== '' ? pipeline.description : undefined],
    ['tags', DAG_TAGS],
  ]);
  return `with ${pyValue(call, 0)} as dag:`;
}

function taskCode(plan: TaskPlan, variable: string, level: number): string {
  const { task, mapped } = plan;
  const call = pyCall(mapped.operator, [
    ['task_id', task.id],
    ...mapped.args,
    ['trigger_rule', task.trigger_rule],
    ['retries', task.retries],
    ['retry_delay', task.retry_delay_s === undefined ? undefined : py(seconds(task.retry_delay_s))],
    ['execution_timeout', task.timeout_s === undefined ? undefined : py(seconds(task.timeout_s))],
    ['doc_md', task.note !== undefined && task.note !== '' ? task.note : undefined],
  ]);
  return `${INDENT.repeat(level)}${variable} = ${pyValue(call, level)}`;
}

function edgesCode(pipeline: Pipeline, names: ReadonlyMap<string, string>): string[] {
  const downstream = new Map<string, string[]>();
  for (const edge of pipeline.edges) {
    const from = names.get(edge.from);
    const to = names.get(edge.to);
    if (from === undefined || to === undefined) throw new Error(`edge ${edge.from} -> ${edge.to} names a task that does not exist`);
    downstream.set(from, [...(downstream.get(from) ?? []), to]);
  }
  return [...downstream].map(([from, tos]) => (tos.length === 1 ? `${from} >> ${tos[0]}` : `${from} >> [${tos.join(', ')}]`));
}
