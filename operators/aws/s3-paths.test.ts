import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinKey, localPathForKey, parseS3Uri, resolveLocal, s3Uri } from './s3-paths';

describe('S3 keys and local paths', () => {
  it('joins a prefix and a relative path with exactly one slash', () => {
    expect(joinKey('data/', 'a/b.csv')).toBe('data/a/b.csv');
    expect(joinKey('data', 'a/b.csv')).toBe('data/a/b.csv');
    expect(joinKey('', 'b.csv')).toBe('b.csv');
    expect(joinKey('p/', join('x', 'y.txt'))).toBe('p/x/y.txt');
  });

  it('parses and prints s3:// URIs', () => {
    expect(parseS3Uri('s3://pets/models/m.tar.gz')).toEqual({ bucket: 'pets', key: 'models/m.tar.gz' });
    expect(parseS3Uri('s3://pets')).toEqual({ bucket: 'pets', key: '' });
    expect(() => parseS3Uri('https://pets')).toThrow('"https://pets" is not an s3:// URI');
    expect(s3Uri('pets', 'a/b')).toBe('s3://pets/a/b');
  });

  it('resolves a relative path against the task’s folder', () => {
    expect(resolveLocal('/work/p', 'data/x')).toBe('/work/p/data/x');
    expect(resolveLocal('/work/p', '/abs/x')).toBe('/abs/x');
  });

  it('keeps each key’s path after the prefix’s last slash', () => {
    expect(localPathForKey('/dst', 'models/', 'models/v1/a.bin')).toBe('/dst/v1/a.bin');
    expect(localPathForKey('/dst', 'logs/2024-', 'logs/2024-01.txt')).toBe('/dst/2024-01.txt');
    expect(localPathForKey('/dst', 'models', 'models/a.bin')).toBe('/dst/models/a.bin');
    expect(localPathForKey('/dst', '', 'top.txt')).toBe('/dst/top.txt');
  });

  it('refuses keys that would climb out of the destination, and folder placeholders', () => {
    expect(localPathForKey('/dst', 'p/', 'p/../../etc/passwd')).toBeUndefined();
    expect(localPathForKey('/dst', 'p/', 'p/./x')).toBeUndefined();
    expect(localPathForKey('/dst', 'p/', 'p/sub/')).toBeUndefined();
    expect(localPathForKey('/dst', 'p/', 'q/x')).toBeUndefined();
  });
});
