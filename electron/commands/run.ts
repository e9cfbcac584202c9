/** Placeholder until its issue lands: says so instead of pretending. */
export async function runCommand(_args: string[]): Promise<number> {
  process.stderr.write('dagstudio run: not available yet\n');
  return 2;
}
