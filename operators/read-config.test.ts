import { describe, expect, it } from 'vitest';
import { readConfig as readAwsConfig } from './aws/read-config';
import { readConfig as readHttpConfig } from './http/read-config';
import { s3UploadOperator } from './s3_upload/definition';
import { configReader } from './read-config';

describe('configReader', () => {
  it('starts its one line with the word it was given, for schema problems and cross-field rules alike', () => {
    const read = configReader('invalid');
    expect(() => read(s3UploadOperator, { bucket: 'pets-data', path: '/tmp', concurrency: 0 })).toThrow(/^invalid s3_upload config: concurrency: must be at least 1$/);
    expect(() => read(s3UploadOperator, { bucket: 'pets-data', path: '/tmp' })).toThrow('invalid s3_upload config: key: set a key (one object) or a prefix (a folder of objects)');
  });

  it('keeps each family’s wording: "bad" for the AWS executors, "invalid" for the others', () => {
    const raw = { bucket: 'pets-data', path: '/tmp' };
    expect(() => readAwsConfig(s3UploadOperator, raw)).toThrow(/^bad s3_upload config: key: /);
    expect(() => readHttpConfig(s3UploadOperator, raw)).toThrow(/^invalid s3_upload config: key: /);
  });

  it('returns the parsed config with the schema defaults applied', () => {
    expect(readAwsConfig(s3UploadOperator, { bucket: 'pets-data', path: '/tmp', key: 'k' })).toMatchObject({ bucket: 'pets-data', key: 'k', concurrency: 4 });
  });
});
