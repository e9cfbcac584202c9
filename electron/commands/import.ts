/** Placeholder until its issue lands: says so instead of pretending. */
export async function importCommand(_args: string[]): Promise<number> {
  process.stderr.write('dagstudio import: not available yet\n');
  return 2;
}
