import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLUSH_BYTES, LogSink } from './log-sink';
import { SecretMasker } from './masker';

describe('LogSink', () => {
  const file = () => join(mkdtempSync(join(tmpdir(), 'dagstudio-sink-')), 'sub', '1.log');

  it('turns the terminal newline into \\n even when \\r and \\n arrive apart, and keeps a lone \\r', () => {
    const path = file();
    const chunks: Array<[number, string]> = [];
    const sink = new LogSink(path, new SecretMasker([]), (offset, text) => chunks.push([offset, text]));
    for (const part of ['a\r', '\nb\r', 'c\r\n', 'é\r']) sink.write(part);
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe('a\nb\rc\né\r');
    expect(chunks.map(([, t]) => t).join('')).toBe('a\nb\rc\né\r');
  });

  it('batches output into chunks of at most about 64 KB with byte offsets', () => {
    const path = file();
    const chunks: Array<[number, string]> = [];
    const sink = new LogSink(path, new SecretMasker([]), (offset, text) => chunks.push([offset, text]));
    const line = 'ü'.repeat(99) + '\n';
    for (let i = 0; i < 2000; i++) sink.write(line);
    sink.close();
    expect(chunks.length).toBeLessThan(10);
    let offset = 0;
    for (const [at, text] of chunks) {
      expect(at).toBe(offset);
      expect(text.length).toBeLessThanOrEqual(FLUSH_BYTES + line.length);
      offset += Buffer.byteLength(text);
    }
    expect(readFileSync(path).length).toBe(offset);
  });

  it('puts a runner note on a line of its own', () => {
    const path = file();
    const sink = new LogSink(path, new SecretMasker(['pw123']), () => {});
    sink.write('partial');
    sink.note('[dagstudio] timed out with pw123');
    sink.close();
    expect(readFileSync(path, 'utf8')).toBe('partial\n[dagstudio] timed out with ***\n');
  });
});
