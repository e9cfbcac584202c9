/** Placeholder until its issue lands: says so instead of pretending. */
export async function exportCommand(_args: string[]): Promise<number> {
  process.stderr.write('dagstudio export: not available yet\n');
  return 2;
}
