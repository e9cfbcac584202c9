import type { TaskState } from '../api/runs';

/**
 * The template context: Airflow's names, so the same template text means the same here and in an
 * exported DAG. Values that Airflow renders through Python (dicts, lists) render here as JSON.
 *
 * | name | value |
 * |---|---|
 * | `ds`, `ds_nodash` | the logical date, `2024-05-01` / `20240501` |
 * | `ts`, `ts_nodash`, `ts_nodash_with_tz`, `logical_date` | `2024-05-01T12:34:56+00:00` / `20240501T123456` / `20240501T123456+0000` / as `ts` |
 * | `data_interval_start`, `data_interval_end` | the logical date (a manual run has an empty interval) |
 * | `run_id`, `dag_run.run_id`, `dag_run.conf` | the run id; the run's params |
 * | `params.x` | the pipeline's params, overridden per run |
 * | `var.value.NAME`, `var.value.get('NAME', default)`, `var.json.NAME` | stored variables (overridden per run); a missing one is an error |
 * | `ti.xcom_pull(task_ids='t', key='return_value')` | a task's return value (a list of values for a list of ids); another key reads that field of an object value |
 * | `ti.try_number`, `ti.task_id`, `task.task_id`, `task.operator`, `dag.dag_id` | |
 * | `macros.ds_add(ds, n)` | a `YYYY-MM-DD` date moved by n days |
 * | `failed_tasks`, `task_states` | dagstudio's own: ids of the tasks that failed so far in this run, and every task's state (for notify messages) |
 */
export interface TemplateContextInput {
  dagId: string;
  taskId: string;
  operator: string;
  runId: string;
  tryNumber: number;
  /** ISO 8601 date-time of the run's logical date. */
  logicalDate: string;
  params: Record<string, unknown>;
  /** Variable name → value (already merged with per-run overrides). */
  variables: Readonly<Record<string, string>>;
  /** The return value of a task in this run; `found: false` when it has none. */
  xcom: (taskId: string) => { found: boolean; value?: unknown };
  taskStates: () => Record<string, TaskState>;
}

export type TemplateContext = Record<string, unknown>;

export function buildTemplateContext(input: TemplateContextInput): TemplateContext {
  const date = new Date(input.logicalDate);
  if (Number.isNaN(date.getTime())) throw new Error(`logical date "${input.logicalDate}" is not a date`);
  const iso = date.toISOString();
  const ds = iso.slice(0, 10);
  const ts = `${iso.slice(0, 19)}+00:00`;
  const tsNodash = `${ds.replace(/-/g, '')}T${iso.slice(11, 19).replace(/:/g, '')}`;
  const params = jsonRendering(input.params);
  const ti = {
    task_id: input.taskId,
    dag_id: input.dagId,
    run_id: input.runId,
    try_number: input.tryNumber,
    xcom_pull: (...args: unknown[]) => xcomPull(input, args),
  };
  const taskStates = input.taskStates();
  return {
    ds,
    ds_nodash: ds.replace(/-/g, ''),
    ts,
    ts_nodash: tsNodash,
    ts_nodash_with_tz: `${tsNodash}+0000`,
    logical_date: ts,
    data_interval_start: ts,
    data_interval_end: ts,
    run_id: input.runId,
    dag_run: { run_id: input.runId, logical_date: ts, conf: params },
    params,
    var: { value: variableProxy(input.variables, false), json: variableProxy(input.variables, true) },
    ti,
    task_instance: ti,
    task: { task_id: input.taskId, operator: input.operator },
    dag: { dag_id: input.dagId },
    macros: { ds_add: dsAdd },
    failed_tasks: jsonRendering(Object.keys(taskStates).filter((id) => taskStates[id] === 'failed')),
    task_states: jsonRendering(taskStates),
  };
}

/** Airflow's `ti.xcom_pull(task_ids=..., key=...)`: keyword or positional arguments, one id or a list. */
function xcomPull(input: TemplateContextInput, args: unknown[]): unknown {
  const last = args[args.length - 1];
  const kwargs = isKeywords(last) ? (last as Record<string, unknown>) : {};
  const positional = isKeywords(last) ? args.slice(0, -1) : args;
  const taskIds = kwargs.task_ids ?? positional[0];
  const key = kwargs.key ?? 'return_value';
  if (typeof key !== 'string') throw new Error('xcom_pull: key must be a string');
  const pull = (id: unknown): unknown => {
    if (typeof id !== 'string') throw new Error('xcom_pull: task_ids must be a task id or a list of task ids');
    const found = input.xcom(id);
    if (!found.found) return undefined;
    if (key === 'return_value') return jsonRendering(found.value);
    const value = found.value;
    if (value !== null && typeof value === 'object' && key in value) return jsonRendering((value as Record<string, unknown>)[key]);
    return undefined;
  };
  if (taskIds === undefined || taskIds === null) throw new Error("xcom_pull needs task_ids, e.g. ti.xcom_pull(task_ids='extract')");
  return Array.isArray(taskIds) ? jsonRendering(taskIds.map(pull)) : pull(taskIds);
}

function isKeywords(value: unknown): boolean {
  return value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, '__keywords');
}

/* Properties the template engine itself may probe on any value; never an error. */
const PROBES = new Set(['toString', 'valueOf', 'toJSON', 'constructor', 'length', '__keywords', 'then']);

/** `var.value.NAME` / `var.json.NAME`: a missing variable is an error naming it, like Airflow's KeyError. */
function variableProxy(variables: Readonly<Record<string, string>>, json: boolean): Record<string, unknown> {
  const read = (name: string): unknown => {
    const raw = variables[name];
    if (raw === undefined) throw new Error(`variable "${name}" does not exist`);
    if (!json) return raw;
    try {
      return jsonRendering(JSON.parse(raw));
    } catch {
      throw new Error(`variable "${name}" is not valid JSON`);
    }
  };
  const get = (name: unknown, fallback?: unknown) => {
    if (typeof name !== 'string') throw new Error('var.get needs a variable name');
    return Object.prototype.hasOwnProperty.call(variables, name) ? read(name) : fallback;
  };
  return new Proxy({} as Record<string, unknown>, {
    get(_target, prop) {
      if (typeof prop !== 'string' || PROBES.has(prop)) return undefined;
      if (prop === 'get') return get;
      return read(prop);
    },
    has: (_target, prop) => typeof prop === 'string' && Object.prototype.hasOwnProperty.call(variables, prop),
  });
}

function dsAdd(ds: unknown, days: unknown): string {
  if (typeof ds !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(ds)) throw new Error('macros.ds_add needs a date like 2024-05-01');
  const date = new Date(`${ds}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + Number(days));
  return date.toISOString().slice(0, 10);
}

/**
 * A deep copy in which objects and arrays print as JSON (`{{ params.cfg }}` → `{"a":1}`) instead of
 * "[object Object]"; Jinja would print Python's repr, JSON is the closest portable form.
 */
export function jsonRendering<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const copy: unknown = Array.isArray(value)
    ? value.map((v) => jsonRendering(v))
    : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonRendering(v)]));
  Object.defineProperty(copy, 'toString', { value: () => JSON.stringify(value), enumerable: false });
  return copy as T;
}
