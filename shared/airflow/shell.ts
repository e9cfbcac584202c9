/** POSIX shell quoting for command lines the exporter writes into BashOperator commands. */

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** One word for bash: as is when it is plainly safe, else in single quotes. Jinja templates render first. */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function shellJoin(argv: readonly string[]): string {
  return argv.map(shellQuote).join(' ');
}
