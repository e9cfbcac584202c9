import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import { awsConnectionField, bucketField, bucketProblems, concurrencyField, keyField, keyOrPrefixProblems, prefixField } from '../aws/fields';

export const s3UploadOperator = defineOperator({
  id: 's3_upload',
  label: 'S3 upload',
  category: 'AWS',
  description: 'Uploads a file, or a folder with everything in it, to an S3 bucket (multipart for large files, several files at once).',
  icon: 'cloud-upload',
  returns: '{ bucket, keys, uris, files, bytes }: the keys written and their s3:// URIs.',
  config: z.strictObject({
    connection: awsConnectionField(),
    bucket: bucketField(),
    path: field(z.string().trim().min(1, 'required'), {
      title: 'Local path',
      description: 'The file or folder to upload, relative to the pipeline file. A folder is uploaded recursively. Templated.',
      widget: 'path',
      templated: true,
      placeholder: 'data/processed',
    }),
    key: keyField('The exact object key, for a single file (e.g. models/model.tar.gz). Set Key or Prefix. Templated.'),
    prefix: prefixField(
      'Keys are this prefix followed by the file’s name, or its path inside the folder (datasets/2024-01-01/train/a.csv). Templated.',
      'datasets/{{ ds }}/',
    ),
    concurrency: concurrencyField('How many files are uploaded at the same time.'),
    part_size_mb: field(z.number().int('must be a whole number').min(5, 'must be at least 5 (S3’s smallest part)').max(5120, 'must be at most 5120').default(8), {
      title: 'Part size (MiB)',
      description: 'Files larger than this go up as a multipart upload, in parts of this size.',
      widget: 'number',
      advanced: true,
    }),
  }),
  validate(config) {
    return [...bucketProblems(config.bucket), ...keyOrPrefixProblems(config)];
  },
});
