import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../host/atomic-write';

/*
 * The file side of the commands that read one file and write one (export, import) or only read (validate): the same
 * words for a file that cannot be read or written, and the same "-o OUT or standard output" rule.
 */

/** Why a file could not be read or written, without the stack or the repeated path: "ENOENT: no such file or directory". */
export function readError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message.replace(/, \w+ '.*'$/s, '');
  return code !== undefined && !message.startsWith(code) ? `${code}: ${message}` : message;
}

/** The command's input file as text; `undefined` once stderr says why it cannot be read (the command then exits 2). */
export async function readInput(command: string, file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`dagstudio ${command}: ${file}: cannot read file: ${readError(error)}\n`);
    return undefined;
  }
}

/** The command's result: to standard output, or (with -o OUT) into OUT, saying so; the exit code, 2 when OUT cannot be written. */
export async function writeOutput(command: string, out: string | undefined, text: string): Promise<number> {
  if (out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  try {
    // Through a temporary file and a rename, so a reader never sees half a file.
    await writeFileAtomic(out, text);
  } catch (error) {
    process.stderr.write(`dagstudio ${command}: ${out}: cannot write file: ${readError(error)}\n`);
    return 2;
  }
  process.stderr.write(`dagstudio ${command}: wrote ${out}\n`);
  return 0;
}
