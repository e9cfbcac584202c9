/**
 * Keeps the last non-empty line of a stream of terminal output without keeping the output: the return
 * value of bash and python tasks (Airflow's BashOperator pushes its last line). What a terminal would show
 * is what counts: colour codes are dropped, and of a line redrawn with "\r" only its last drawing is kept.
 */

const MAX_LINE = 1 << 20;
// CSI and OSC sequences (colours, cursor moves, window titles).
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export class LastLineTracker {
  private partial = '';
  private last = '';

  push(text: string): void {
    const nl = text.lastIndexOf('\n');
    if (nl < 0) {
      this.partial = clip(this.partial + text);
      return;
    }
    const before = this.partial + text.slice(0, nl);
    this.partial = clip(text.slice(nl + 1));
    // Scan back from the end over the complete lines of this chunk for one with visible text.
    let end = before.length;
    while (end >= 0) {
      const start = before.lastIndexOf('\n', end - 1);
      const line = visible(before.slice(start + 1, end));
      if (line !== '') {
        this.last = line;
        return;
      }
      if (start < 0) return;
      end = start;
    }
  }

  /** The last non-empty line, counting a final line without a newline. */
  value(): string {
    const tail = visible(this.partial);
    return tail !== '' ? tail : this.last;
  }
}

function clip(text: string): string {
  return text.length > MAX_LINE ? text.slice(text.length - MAX_LINE) : text;
}

export function visible(line: string): string {
  let text = line.replace(ANSI, '');
  const cr = text.replace(/\r+$/, '').lastIndexOf('\r');
  if (cr >= 0) text = text.slice(cr + 1);
  return text.trimEnd();
}
