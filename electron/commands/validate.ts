/** Placeholder until its issue lands: says so instead of pretending. */
export async function validateCommand(_args: string[]): Promise<number> {
  process.stderr.write('dagstudio validate: not available yet\n');
  return 2;
}
