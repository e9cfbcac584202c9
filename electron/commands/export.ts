import { exportPipelineToAirflow } from '../../operators/airflow';
import { parsePipeline } from '../../operators/pipeline';
import { formatExportIssue } from '../../shared/airflow/mapping';
import { formatProblem } from '../../shared/problems';
import { readInput, writeOutput } from './files';

export const EXPORT_USAGE = `Usage: dagstudio export FILE --to airflow [-o OUT] [--strict]

Writes an Apache Airflow DAG file (Python, for Airflow 2.9+ and 3.x) for the pipeline FILE, to OUT or
to standard output. The pipeline is embedded in it, so \`dagstudio import OUT\` gives it back.
Anything that cannot be exported exactly is listed on standard error before the file is written;
with --strict the file is then not written and the exit code is 1.

Exit codes: 0 written, 1 invalid pipeline (or --strict and something inexact), 2 bad arguments or unreadable file.`;

interface ExportArgs {
  file: string;
  out?: string;
  strict: boolean;
}

function parseArgs(args: string[]): ExportArgs | string {
  let file: string | undefined;
  let to: string | undefined;
  let out: string | undefined;
  let strict = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const next = args[i + 1];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      i++;
      return next;
    };
    try {
      if (arg === '--to') to = value();
      else if (arg.startsWith('--to=')) to = arg.slice(5);
      else if (arg === '-o' || arg === '--output') out = value();
      else if (arg.startsWith('--output=')) out = arg.slice(9);
      else if (arg === '--strict') strict = true;
      else if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}"`;
      else if (file === undefined) file = arg;
      else return `only one FILE can be exported at a time (got "${file}" and "${arg}")`;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (file === undefined) return 'FILE is missing';
  if (to === undefined) return '--to is required (the only target is "airflow")';
  if (to !== 'airflow') return `unknown target "${to}" for --to (the only target is "airflow")`;
  return out === undefined ? { file, strict } : { file, out, strict };
}

/** `dagstudio export FILE --to airflow [-o OUT] [--strict]` */
export async function exportCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    process.stderr.write(`dagstudio export: ${parsed}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const { file, out, strict } = parsed;
  const text = await readInput('export', file);
  if (text === undefined) return 2;
  const pipeline = parsePipeline(text, file);
  if (!pipeline.ok) {
    process.stderr.write(pipeline.problems.map((p) => formatProblem(file, p) + '\n').join(''));
    return 1;
  }
  const result = exportPipelineToAirflow(pipeline.pipeline, text);
  if (!result.ok) {
    process.stderr.write(result.problems.map((p) => formatProblem(file, p) + '\n').join(''));
    return 1;
  }
  if (result.issues.length > 0) {
    const lines = result.issues.map((issue) => '  ' + formatExportIssue(file, issue));
    const head = strict ? 'cannot be exported exactly (--strict: nothing written)' : 'exported, but not everything exactly';
    process.stderr.write(`dagstudio export: ${file}: ${head}:\n${lines.join('\n')}\n`);
    if (strict) return 1;
  }
  return writeOutput('export', out, result.code);
}
