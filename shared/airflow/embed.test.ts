import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBED_BEGIN, embedPipeline, extractPipeline } from './embed';

describe('the embedded pipeline', () => {
  it('gives back any text exactly, CR, BOM and missing final newline included', () => {
    const samples = ['{\n  "a": 1\n}\n', '\ufeff{"a":1}', '{\r\n"x": "é 🚀"\r\n}', '', 'x'.repeat(10_000)];
    for (const text of [...samples, ...fc.sample(fc.string({ unit: 'grapheme', maxLength: 300 }), 100)]) {
      const block = embedPipeline(text);
      expect(extractPipeline(`# header\nprint(1)\n\n${block}`)).toEqual({ ok: true, source: text });
    }
  });

  it('is made of comment lines only, none longer than 80 characters but the first', () => {
    const lines = embedPipeline('{"tasks": []}\n'.repeat(50)).trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('#'))).toBe(true);
    expect(lines.slice(1).every((l) => l.length <= 80)).toBe(true);
  });

  it('says so when a file has no block', () => {
    const result = extractPipeline('from airflow import DAG\n');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/no embedded pipeline.*dagstudio export/) });
  });

  it('refuses an edited or cut block with the line it stopped at', () => {
    const block = embedPipeline('{"id": "x"}\n');
    expect(extractPipeline(block.replace(/\n# dagstudio:pipeline:end\n$/, '\n'))).toEqual({ ok: false, message: expect.stringMatching(/no "# dagstudio:pipeline:end" line/) });
    const lines = block.split('\n');
    lines[1] = '# not base64 !';
    expect(extractPipeline(lines.join('\n'))).toEqual({ ok: false, message: expect.stringMatching(/line 2 .*not base64/) });
    const changed = block.replace(/^# (e)/m, '# f');
    expect(extractPipeline(changed).ok).toBe(false);
    expect(extractPipeline(`${block}\n${block}`)).toEqual({ ok: false, message: expect.stringMatching(/more than one/) });
    expect(EMBED_BEGIN.startsWith('#')).toBe(true);
  });
});
