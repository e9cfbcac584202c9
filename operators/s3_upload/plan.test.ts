import { describe, expect, it } from 'vitest';
import { planUpload } from './plan';

const file = (relative: string, size = 1) => ({ path: `/src/${relative}`, relative, size });

describe('planUpload', () => {
  it('puts a folder’s files below the prefix, keeping their paths', () => {
    expect(planUpload({ path: '/src', isFolder: true }, [file('a.csv'), file('img/cat 1.jpg')], { prefix: 'datasets/2024-01-01/' }).map((p) => p.key)).toEqual([
      'datasets/2024-01-01/a.csv',
      'datasets/2024-01-01/img/cat 1.jpg',
    ]);
  });

  it('puts a single file at the key, or at the prefix plus its name', () => {
    expect(planUpload({ path: '/src/m.tar.gz', isFolder: false }, [{ path: '/src/m.tar.gz', relative: 'm.tar.gz', size: 3 }], { key: 'models/latest.tar.gz' })).toEqual([
      { path: '/src/m.tar.gz', relative: 'm.tar.gz', size: 3, key: 'models/latest.tar.gz' },
    ]);
    expect(planUpload({ path: '/src/m.tar.gz', isFolder: false }, [{ path: '/src/m.tar.gz', relative: 'm.tar.gz', size: 3 }], { prefix: 'models' })[0]?.key).toBe('models/m.tar.gz');
  });

  it('refuses a key for a folder', () => {
    expect(() => planUpload({ path: '/src', isFolder: true }, [file('a')], { key: 'x' })).toThrow('"/src" is a folder: set prefix (the folder\'s files go below it) instead of key');
  });
});
