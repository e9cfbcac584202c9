import { describe, expect, it } from 'vitest';
import { planPrefixDownload, targetForKey } from './plan';

describe('the download plan', () => {
  it('writes a single key to the path, or into the path when it is a folder', () => {
    expect(targetForKey('/dst/model.tar.gz', false, 'models/m.tar.gz')).toBe('/dst/model.tar.gz');
    expect(targetForKey('/dst', true, 'models/m.tar.gz')).toBe('/dst/m.tar.gz');
  });

  it('mirrors the keys under a prefix into the folder and skips folder placeholders', () => {
    const plan = planPrefixDownload('b', 'data/', '/dst', [
      { key: 'data/', size: 0 },
      { key: 'data/a.csv', size: 3 },
      { key: 'data/img/x.jpg', size: 5 },
    ]);
    expect(plan).toEqual([
      { key: 'data/a.csv', size: 3, target: '/dst/a.csv' },
      { key: 'data/img/x.jpg', size: 5, target: '/dst/img/x.jpg' },
    ]);
  });

  it('refuses a key that would land outside the folder', () => {
    expect(() => planPrefixDownload('b', 'data/', '/dst', [{ key: 'data/../../home/u/.bashrc', size: 1 }])).toThrow(
      's3://b/data/../../home/u/.bashrc would be written outside /dst; refusing to download it',
    );
  });
});
