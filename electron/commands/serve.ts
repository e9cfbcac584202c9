/** Placeholder until its issue lands: says so instead of pretending. */
export async function serveCommand(_args: string[]): Promise<number> {
  process.stderr.write('dagstudio serve: not available yet\n');
  return 2;
}
