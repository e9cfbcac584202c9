import { z } from 'zod';
import { field } from '../../shared/operator';
import type { Problem } from '../../shared/problems';

/*
 * Pure (zod + shared/operator only): the config fields and rules that every AWS operator's definition shares,
 * so the form, the validation and the executors agree on what a bucket, a key or a connection is.
 */

/** A value that still holds a template is checked after rendering, by the executor. */
export function isTemplated(value: string): boolean {
  return value.includes('{{') || value.includes('{%');
}

export function awsConnectionField() {
  return field(z.string().trim().optional(), {
    title: 'AWS connection',
    description: 'The aws connection to use. Empty: the standard AWS credential chain (environment, ~/.aws, instance role).',
    widget: 'connection',
    connectionType: 'aws',
  });
}

export function bucketField() {
  return field(z.string().trim().min(1, 'required'), {
    title: 'Bucket',
    description: 'The bucket’s name, without s3://. Templated.',
    widget: 'text',
    templated: true,
    placeholder: 'my-ml-data',
  });
}

export function keyField(description: string) {
  return field(z.string().trim().optional(), { title: 'Key', description, widget: 'text', templated: true });
}

export function prefixField(description: string, placeholder?: string) {
  return field(z.string().trim().optional(), { title: 'Key prefix', description, widget: 'text', templated: true, placeholder });
}

export function concurrencyField(description: string) {
  return field(z.number().int('must be a whole number').min(1, 'must be at least 1').max(64, 'must be at most 64').default(4), {
    title: 'Concurrency',
    description,
    widget: 'number',
    advanced: true,
  });
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** S3's bucket naming rules, in the words a user needs to fix the name. */
export function bucketProblems(bucket: string, path = 'bucket'): Problem[] {
  if (isTemplated(bucket)) return [];
  if (bucket.startsWith('s3://')) return [{ path, message: `write the bucket's name only, without s3:// (e.g. "${bucket.slice(5).split('/')[0]}")` }];
  if (bucket.includes('/')) return [{ path, message: 'a bucket name has no "/"; put the rest in key or prefix' }];
  if (!BUCKET_NAME.test(bucket)) {
    return [{ path, message: `"${bucket}" is not a valid bucket name (3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)` }];
  }
  return [];
}

export interface KeyOrPrefix {
  key?: string | undefined;
  prefix?: string | undefined;
}

/** Exactly one of key (one object) and prefix (a folder of objects) must be set. */
export function keyOrPrefixProblems(config: KeyOrPrefix): Problem[] {
  const key = config.key ?? '';
  const prefix = config.prefix ?? '';
  if (key === '' && prefix === '') return [{ path: 'key', message: 'set a key (one object) or a prefix (a folder of objects)' }];
  if (key !== '' && prefix !== '') return [{ path: 'prefix', message: 'set either key or prefix, not both' }];
  if (key.endsWith('/')) return [{ path: 'key', message: 'a key names one object and cannot end with "/"; use prefix for a folder' }];
  if (key.startsWith('/')) return [{ path: 'key', message: 'S3 keys do not start with "/"' }];
  if (prefix.startsWith('/')) return [{ path: 'prefix', message: 'S3 keys do not start with "/"' }];
  return [];
}

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/.*)?$/;

/** An s3:// URI field's value: `s3://bucket` or `s3://bucket/prefix`. */
export function s3UriProblems(value: string | undefined, path: string): Problem[] {
  if (value === undefined || value === '' || isTemplated(value)) return [];
  if (!value.startsWith('s3://')) return [{ path, message: `must be an s3:// URI (s3://bucket/prefix), got "${value}"` }];
  if (!S3_URI.test(value)) return [{ path, message: `"${value}" does not name a valid bucket (s3://bucket/prefix)` }];
  return [];
}

const TRAINING_JOB_NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;

/** SageMaker's rule for training job names. */
export function trainingJobNameProblems(name: string, path = 'job_name'): Problem[] {
  if (isTemplated(name) || TRAINING_JOB_NAME.test(name)) return [];
  return [{ path, message: `"${name}" is not a valid training job name (1–63 letters, digits and hyphens, starting and ending with a letter or digit)` }];
}
