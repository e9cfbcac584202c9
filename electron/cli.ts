import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `dagstudio` — the command line (DESIGN.md §4). Each command lives in electron/commands/<name>.ts. */

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'validate FILE…                      check pipeline files; one line per problem', load: async () => (await import('./commands/validate')).validateCommand },
  run: { summary: 'run FILE [--param k=v]… [--var N=V]… [--parallelism N] [--json] [--data-dir D]', load: async () => (await import('./commands/run')).runCommand },
  export: { summary: 'export FILE --to airflow [-o OUT]    write an Apache Airflow DAG file', load: async () => (await import('./commands/export')).exportCommand },
  import: { summary: 'import FILE.py [-o OUT]              restore a pipeline from an exported Airflow DAG file', load: async () => (await import('./commands/import')).importCommand },
  serve: { summary: 'serve [--port N] [--data-dir D]      the app in a browser, on 127.0.0.1 with an access token', load: async () => (await import('./commands/serve')).serveCommand },
};

export function version(): string {
  const pkgPath = fileURLToPath(new URL('../package.json', import.meta.url));
  return (JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string }).version;
}

export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  dagstudio ${c.summary}`);
  return [
    'dagstudio — design, run and export ML pipelines as DAGs',
    '',
    'Usage:',
    ...lines,
    '  dagstudio --help | --version',
    '',
    'Exit codes: 0 success, 1 invalid pipeline or failed run, 2 bad arguments.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(version() + '\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`dagstudio: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const run = await command.load();
  return run(rest);
}

/** Runs the CLI as a process: exit code from main(), never a stack trace for a thrown error. */
export function runAsProcess(argv: string[]): void {
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`dagstudio: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}

// Run directly (the bundled dist/cli.js, or `tsx electron/cli.ts`), not imported by bin/dagstudio.js or a test.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) runAsProcess(process.argv.slice(2));
