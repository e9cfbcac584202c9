/**
 * The Airflow names an exported DAG file may import, with where each lives in Airflow 3.x and, when it
 * moved, where it lived in Airflow 2.9/2.10. The file imports only what it uses, and names that moved are
 * imported in a try/except so one file loads in both.
 */

export interface ImportSpec {
  /** The module in Airflow 3.x (with the standard provider). */
  module: string;
  /** The module in Airflow 2.9/2.10, when it differs. */
  legacy?: string;
}

export const AIRFLOW_IMPORTS = {
  DAG: { module: 'airflow.sdk', legacy: 'airflow' },
  TaskGroup: { module: 'airflow.sdk', legacy: 'airflow.utils.task_group' },
  BaseOperator: { module: 'airflow.sdk', legacy: 'airflow.models.baseoperator' },
  BashOperator: { module: 'airflow.providers.standard.operators.bash', legacy: 'airflow.operators.bash' },
  EmptyOperator: { module: 'airflow.providers.standard.operators.empty', legacy: 'airflow.operators.empty' },
  FileSensor: { module: 'airflow.providers.standard.sensors.filesystem', legacy: 'airflow.sensors.filesystem' },
  EmailOperator: { module: 'airflow.providers.smtp.operators.smtp', legacy: 'airflow.operators.email' },
  AirflowException: { module: 'airflow.exceptions' },
  AirflowSkipException: { module: 'airflow.exceptions' },
  HttpOperator: { module: 'airflow.providers.http.operators.http' },
  HttpSensor: { module: 'airflow.providers.http.sensors.http' },
  S3Hook: { module: 'airflow.providers.amazon.aws.hooks.s3' },
  S3KeySensor: { module: 'airflow.providers.amazon.aws.sensors.s3' },
  LocalFilesystemToS3Operator: { module: 'airflow.providers.amazon.aws.transfers.local_to_s3' },
  SageMakerHook: { module: 'airflow.providers.amazon.aws.hooks.sagemaker' },
  SageMakerTrainingOperator: { module: 'airflow.providers.amazon.aws.operators.sagemaker' },
} as const satisfies Record<string, ImportSpec>;

export type AirflowName = keyof typeof AIRFLOW_IMPORTS;

/** Modules of Python's standard library the file may use. */
export const STDLIB_IMPORTS = {
  datetime: 'datetime',
  timedelta: 'datetime',
  timezone: 'datetime',
} as const;

export type StdlibName = keyof typeof STDLIB_IMPORTS;

function byModule(names: readonly string[], moduleOf: (name: string) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of names) {
    const module = moduleOf(name);
    const list = out.get(module) ?? [];
    list.push(name);
    out.set(module, list);
  }
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([m, n]) => [m, [...n].sort()]));
}

function fromLines(groups: Map<string, string[]>, indent: string): string[] {
  return [...groups].map(([module, names]) => `${indent}from ${module} import ${names.join(', ')}`);
}

/**
 * The import section: plain `import` modules of the standard library, then `from` imports of Python's
 * standard library, then Airflow's stable names, then the names that moved between 2.x and 3.x.
 */
export function renderImports(plainModules: readonly string[], stdlib: readonly StdlibName[], airflow: readonly AirflowName[]): string {
  const lines: string[] = [];
  const modules = [...new Set(plainModules)].sort();
  lines.push(...modules.map((m) => `import ${m}`));
  const std = [...new Set(stdlib)];
  lines.push(...fromLines(byModule(std, (n) => STDLIB_IMPORTS[n as StdlibName]), ''));
  if (lines.length > 0) lines.push('');

  const names = [...new Set(airflow)];
  const stable = names.filter((n) => !('legacy' in AIRFLOW_IMPORTS[n]));
  const moved = names.filter((n) => 'legacy' in AIRFLOW_IMPORTS[n]);
  const stableLines = fromLines(byModule(stable, (n) => AIRFLOW_IMPORTS[n as AirflowName].module), '');
  if (moved.length > 0) {
    lines.push('try:  # Airflow 3.x');
    lines.push(...fromLines(byModule(moved, (n) => AIRFLOW_IMPORTS[n as AirflowName].module), '    '));
    lines.push('except ImportError:  # Airflow 2.9 and 2.10');
    lines.push(...fromLines(byModule(moved, (n) => (AIRFLOW_IMPORTS[n as AirflowName] as ImportSpec).legacy as string), '    '));
  }
  lines.push(...stableLines);
  return lines.join('\n').replace(/\n+$/, '');
}
