import { readFile } from 'node:fs/promises';
import { parsePipeline } from '../../operators/pipeline';
import { formatProblem } from '../../shared/problems';
import { readError } from './files';

/**
 * `dagstudio validate FILE…` (DESIGN.md §4). Everything the command finds goes to stdout, one line
 * per file that is fine (`FILE: ok`) and one line per problem (`FILE: path: message`), so the
 * whole report can be piped or grepped; stderr is only for misuse of the command itself.
 * Exit 0 when every file is valid, 1 when any is not (or cannot be read), 2 for bad arguments.
 */

export const VALIDATE_USAGE = `Usage: dagstudio validate FILE…   ("-" reads a pipeline from standard input)

Checks pipeline files (*.dag.json) against format v1 and every operator's settings.
Prints "FILE: ok" for a valid file and "FILE: path: message" for each problem, on stdout.

Exit codes: 0 all valid, 1 a problem in some file, 2 bad arguments.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The report lines for one file ("-" reads standard input). */
export async function validateFile(file: string): Promise<{ ok: boolean; lines: string[] }> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, lines: [`${file}: cannot read file: ${readError(error)}`] };
  }
  const result = parsePipeline(text, file);
  if (result.ok) return { ok: true, lines: [`${file}: ok`] };
  return { ok: false, lines: result.problems.map((problem) => formatProblem(file, problem)) };
}

export async function validateCommand(args: string[]): Promise<number> {
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of args) {
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${VALIDATE_USAGE}\n`);
      return 0;
    } else {
      process.stderr.write(`dagstudio validate: unknown option "${arg}"\n\n${VALIDATE_USAGE}\n`);
      return 2;
    }
  }
  if (files.length === 0) {
    process.stderr.write(`dagstudio validate: no files given\n\n${VALIDATE_USAGE}\n`);
    return 2;
  }

  let allValid = true;
  for (const file of files) {
    const { ok, lines } = await validateFile(file);
    allValid &&= ok;
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return allValid ? 0 : 1;
}
