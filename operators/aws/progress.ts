import { formatBytes } from './format';

/**
 * Progress lines for a transfer of many files without flooding the log: one line per file for small batches,
 * otherwise one line each time another tenth of the bytes (or files) is done, and always a line for the last.
 */
export class TransferProgress {
  private doneFiles = 0;
  private doneBytes = 0;
  private lastTenth = 0;

  constructor(
    private readonly verb: string,
    private readonly totalFiles: number,
    private readonly totalBytes: number,
    private readonly log: (text: string) => void,
    private readonly perFileUpTo = 20,
  ) {}

  fileDone(label: string, bytes: number): void {
    this.doneFiles++;
    this.doneBytes += bytes;
    const counts = `[${this.doneFiles}/${this.totalFiles}]`;
    if (this.totalFiles <= this.perFileUpTo) {
      this.log(`${counts} ${this.verb} ${label} (${formatBytes(bytes)})\n`);
      return;
    }
    const fraction = this.totalBytes > 0 ? this.doneBytes / this.totalBytes : this.doneFiles / this.totalFiles;
    const tenth = Math.floor(fraction * 10);
    if (tenth > this.lastTenth || this.doneFiles === this.totalFiles) {
      this.lastTenth = tenth;
      this.log(`${counts} ${this.verb} ${formatBytes(this.doneBytes)} of ${formatBytes(this.totalBytes)} (${Math.floor(fraction * 100)}%)\n`);
    }
  }
}

/** Quarter-by-quarter lines for one large file sent in parts. */
export function partProgress(label: string, total: number, log: (text: string) => void): (loaded: number) => void {
  let lastQuarter = 0;
  return (loaded) => {
    if (total <= 0) return;
    const quarter = Math.floor((loaded / total) * 4);
    if (quarter > lastQuarter && quarter < 4) {
      lastQuarter = quarter;
      log(`    ${label}: ${quarter * 25}% (${formatBytes(loaded)} of ${formatBytes(total)})\n`);
    }
  };
}
