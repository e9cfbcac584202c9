import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findMatches, hasGlob, segmentRegExp } from './glob';

describe('segmentRegExp', () => {
  it('matches * and ? within one name, and character classes', () => {
    expect(segmentRegExp('*.csv').test('train.csv')).toBe(true);
    expect(segmentRegExp('*.csv').test('train.csv.tmp')).toBe(false);
    expect(segmentRegExp('part-?.parquet').test('part-3.parquet')).toBe(true);
    expect(segmentRegExp('part-?.parquet').test('part-12.parquet')).toBe(false);
    expect(segmentRegExp('[ab]*.txt').test('b1.txt')).toBe(true);
    expect(segmentRegExp('[!ab]*.txt').test('b1.txt')).toBe(false);
    expect(segmentRegExp('model(1)+.pt').test('model(1)+.pt')).toBe(true);
  });

  it('tells a glob from a plain path', () => {
    expect(hasGlob('data/*.csv')).toBe(true);
    expect(hasGlob('data/train.csv')).toBe(false);
  });
});

describe('findMatches', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'dagstudio-glob-'));
    mkdirSync(join(root, 'out/a/b'), { recursive: true });
    mkdirSync(join(root, 'out/.cache'), { recursive: true });
    for (const f of ['out/model.tar.gz', 'out/a/b/model.tar.gz', 'out/.cache/model.tar.gz', 'out/a/notes.txt', 'out/.hidden.txt', 'x.csv', 'y.csv']) {
      writeFileSync(join(root, f), 'x');
    }
  });

  it('finds a plain path only when it exists', async () => {
    expect(await findMatches('x.csv', root)).toEqual([join(root, 'x.csv')]);
    expect(await findMatches('z.csv', root)).toEqual([]);
    expect(await findMatches('out/a', root)).toEqual([join(root, 'out/a')]);
  });

  it('matches a pattern relative to the folder, sorted', async () => {
    expect(await findMatches('*.csv', root)).toEqual([join(root, 'x.csv'), join(root, 'y.csv')]);
    expect(await findMatches(join(root, 'out/*.txt'), '/elsewhere')).toEqual([]);
  });

  it('descends any depth with **, skipping hidden folders', async () => {
    expect(await findMatches('out/**/model.tar.gz', root)).toEqual([join(root, 'out/a/b/model.tar.gz'), join(root, 'out/model.tar.gz')]);
    expect(await findMatches('out/**/*.txt', root)).toEqual([join(root, 'out/a/notes.txt')]);
  });

  it('matches a hidden name only when the pattern starts with a dot', async () => {
    expect(await findMatches('out/.*.txt', root)).toEqual([join(root, 'out/.hidden.txt')]);
  });
});
