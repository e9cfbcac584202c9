/** A problem found in user input: where (a path like `tasks[3].config.command`) and what, in plain English. */
export interface Problem {
  path: string;
  message: string;
}

/** Formats a path of keys and indexes the way problems print it: `tasks[3].config.command`. */
export function formatPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The CLI's one-line form: `FILE: path: message` (the path is left out when the problem is about the whole file). */
export function formatProblem(file: string, problem: Problem): string {
  return problem.path ? `${file}: ${problem.path}: ${problem.message}` : `${file}: ${problem.message}`;
}
