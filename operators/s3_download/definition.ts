import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import { awsConnectionField, bucketField, bucketProblems, concurrencyField, keyField, keyOrPrefixProblems, prefixField } from '../aws/fields';

export const s3DownloadOperator = defineOperator({
  id: 's3_download',
  label: 'S3 download',
  category: 'AWS',
  description: 'Downloads one object, or every object under a prefix, from an S3 bucket to a local path.',
  icon: 'cloud-download',
  returns: '{ bucket, paths, files, bytes }: the absolute local paths written.',
  config: z.strictObject({
    connection: awsConnectionField(),
    bucket: bucketField(),
    key: keyField('The object to download (e.g. models/model.tar.gz). Set Key or Prefix. Templated.'),
    prefix: prefixField(
      'Download every object whose key starts with this prefix; each keeps its path after the prefix’s last "/" (models/v1/a.bin under models/ lands at v1/a.bin). Templated.',
      'models/',
    ),
    path: field(z.string().trim().min(1, 'required'), {
      title: 'Local path',
      description:
        'Where to write, relative to the pipeline file. With Key: a file path, or an existing folder (or one ending in /) to keep the object’s name. With Prefix: a folder. Templated.',
      widget: 'path',
      templated: true,
      placeholder: 'data/raw/',
    }),
    overwrite: field(z.boolean().default(true), {
      title: 'Overwrite',
      description: 'Replace local files that already exist. Off: an existing file makes the task fail.',
      widget: 'boolean',
      advanced: true,
    }),
    concurrency: concurrencyField('How many objects are downloaded at the same time.'),
  }),
  validate(config) {
    return [...bucketProblems(config.bucket), ...keyOrPrefixProblems(config)];
  },
});
