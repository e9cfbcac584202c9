import { extractPipeline } from '../../shared/airflow/embed';
import { parsePipeline } from '../../operators/pipeline';
import { formatProblem } from '../../shared/problems';
import { readInput, writeOutput } from './files';

export const IMPORT_USAGE = `Usage: dagstudio import FILE.py [-o OUT]

Restores the pipeline embedded in an Airflow DAG file written by \`dagstudio export\`, byte for byte,
to OUT (a .dag.json) or to standard output.

Exit codes: 0 restored, 1 the file holds no (or a damaged) embedded pipeline, 2 bad arguments or unreadable file.`;

/** `dagstudio import FILE.py [-o OUT]` */
export async function importCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  let file: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    let error: string | undefined;
    if (arg === '-o' || arg === '--output') {
      out = args[++i];
      if (out === undefined) error = `${arg} needs a value`;
    } else if (arg.startsWith('--output=')) out = arg.slice(9);
    else if (arg.startsWith('-')) error = `unknown option "${arg}"`;
    else if (file === undefined) file = arg;
    else error = `only one FILE can be imported at a time (got "${file}" and "${arg}")`;
    if (error) {
      process.stderr.write(`dagstudio import: ${error}\n\n${IMPORT_USAGE}\n`);
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write(`dagstudio import: FILE.py is missing\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const text = await readInput('import', file);
  if (text === undefined) return 2;
  const extracted = extractPipeline(text);
  if (!extracted.ok) {
    process.stderr.write(`dagstudio import: ${file}: ${extracted.message}\n`);
    return 1;
  }
  // The bytes are given back as exported; a pipeline that no longer validates (an operator changed since) is said so.
  const check = parsePipeline(extracted.source, out ?? file);
  if (!check.ok) {
    process.stderr.write(`dagstudio import: ${file}: the restored pipeline has problems with this version of dagstudio:\n`);
    process.stderr.write(check.problems.map((p) => '  ' + formatProblem(out ?? file, p) + '\n').join(''));
  }
  return writeOutput('import', out, extracted.source);
}
