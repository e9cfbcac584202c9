import { describe, expect, it } from 'vitest';
import { formatBytes } from './format';
import { partProgress, TransferProgress } from './progress';

describe('progress lines', () => {
  it('give one line per file for a small batch', () => {
    const lines: string[] = [];
    const progress = new TransferProgress('uploaded', 2, 3000, (t) => lines.push(t));
    progress.fileDone('a → s3://b/a', 1000);
    progress.fileDone('c → s3://b/c', 2000);
    expect(lines).toEqual(['[1/2] uploaded a → s3://b/a (1000 B)\n', '[2/2] uploaded c → s3://b/c (1.95 KiB)\n']);
  });

  it('give a line per tenth of the bytes for a large batch, and always one for the last file', () => {
    const lines: string[] = [];
    const progress = new TransferProgress('downloaded', 100, 100 * 1024, (t) => lines.push(t));
    for (let i = 0; i < 100; i++) progress.fileDone(`f${i}`, 1024);
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('[10/100] downloaded 10.0 KiB of 100 KiB (10%)\n');
    expect(lines[9]).toBe('[100/100] downloaded 100 KiB of 100 KiB (100%)\n');
  });

  it('report a large file by quarters, without the finished 100%', () => {
    const lines: string[] = [];
    const report = partProgress('big.bin', 40, (t) => lines.push(t));
    for (const loaded of [5, 10, 12, 25, 40]) report(loaded);
    expect(lines).toEqual(['    big.bin: 25% (10 B of 40 B)\n', '    big.bin: 50% (25 B of 40 B)\n']);
  });

  it('prints sizes with binary units', () => {
    expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(5 * 1024 ** 2), formatBytes(150 * 1024 ** 3)]).toEqual([
      '0 B',
      '1023 B',
      '1.50 KiB',
      '5.00 MiB',
      '150 GiB',
    ]);
  });
});
