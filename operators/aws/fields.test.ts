import { describe, expect, it } from 'vitest';
import { bucketProblems, keyOrPrefixProblems, s3UriProblems, trainingJobNameProblems } from './fields';

describe('the shared AWS field rules', () => {
  it('checks bucket names and says how to fix a URI written as a bucket', () => {
    expect(bucketProblems('my-ml-data.eu')).toEqual([]);
    expect(bucketProblems('s3://pets/data')).toEqual([{ path: 'bucket', message: 'write the bucket\'s name only, without s3:// (e.g. "pets")' }]);
    expect(bucketProblems('pets/data')).toEqual([{ path: 'bucket', message: 'a bucket name has no "/"; put the rest in key or prefix' }]);
    expect(bucketProblems('My_Bucket')).toEqual([
      { path: 'bucket', message: '"My_Bucket" is not a valid bucket name (3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)' },
    ]);
    expect(bucketProblems('{{ var.value.bucket }}')).toEqual([]);
  });

  it('wants exactly one of key and prefix', () => {
    expect(keyOrPrefixProblems({})).toEqual([{ path: 'key', message: 'set a key (one object) or a prefix (a folder of objects)' }]);
    expect(keyOrPrefixProblems({ key: 'a', prefix: 'b/' })).toEqual([{ path: 'prefix', message: 'set either key or prefix, not both' }]);
    expect(keyOrPrefixProblems({ key: 'dir/' })).toEqual([{ path: 'key', message: 'a key names one object and cannot end with "/"; use prefix for a folder' }]);
    expect(keyOrPrefixProblems({ prefix: '/data' })).toEqual([{ path: 'prefix', message: 'S3 keys do not start with "/"' }]);
    expect(keyOrPrefixProblems({ key: 'a.csv' })).toEqual([]);
    expect(keyOrPrefixProblems({ prefix: 'data/' })).toEqual([]);
  });

  it('checks s3:// URIs and job names unless they are templates', () => {
    expect(s3UriProblems('s3://pets', 'x')).toEqual([]);
    expect(s3UriProblems('{{ params.out }}', 'x')).toEqual([]);
    expect(s3UriProblems(undefined, 'x')).toEqual([]);
    expect(trainingJobNameProblems('a'.repeat(63))).toEqual([]);
    expect(trainingJobNameProblems('a'.repeat(64))[0]?.path).toBe('job_name');
    expect(trainingJobNameProblems('-lead')[0]?.message).toMatch(/not a valid training job name/);
  });
});
