import { describe, expect, it } from 'vitest';
import { parseParamValue, parseRunArgs } from './run';

describe('dagstudio run arguments', () => {
  it('reads params as JSON when they parse, else as text, and variables as text', () => {
    expect(parseRunArgs(['p.dag.json', '--param', 'n=3', '--param=tags=["a"]', '--param', 'name=x=y', '--var', 'TOKEN=42', '--json'])).toEqual({
      file: 'p.dag.json',
      params: { n: 3, tags: ['a'], name: 'x=y' },
      vars: { TOKEN: '42' },
      parallelism: null,
      json: true,
      dataDir: null,
    });
    expect(parseParamValue('true')).toBe(true);
    expect(parseParamValue('hello world')).toBe('hello world');
  });

  it('says what is wrong with bad arguments', () => {
    expect(parseRunArgs([])).toBe('missing FILE');
    expect(parseRunArgs(['a', 'b'])).toBe('one FILE at a time (got 2)');
    expect(parseRunArgs(['a', '--parallelism', '0'])).toMatch(/whole number of at least 1/);
    expect(parseRunArgs(['a', '--param', 'novalue'])).toMatch(/expected k=v/);
    expect(parseRunArgs(['a', '--frobnicate'])).toBe('unknown option "--frobnicate"');
    expect(parseRunArgs(['a', '--data-dir'])).toBe('--data-dir needs a folder');
  });
});
