import { z } from 'zod';
import { defineOperator } from '../../shared/operator';
import { awsConnectionField, bucketField, bucketProblems, keyField, keyOrPrefixProblems, prefixField } from '../aws/fields';
import { sensorFields } from '../sensor-fields';

export const s3KeySensorOperator = defineOperator({
  id: 's3_key_sensor',
  label: 'S3 key sensor',
  category: 'Sensors',
  description: 'Waits until an object exists in an S3 bucket (a key), or until at least one object exists under a prefix.',
  icon: 'cloud-search',
  returns: '{ bucket, keys, uris }: the key found, or the keys found under the prefix (at most 1000).',
  config: z.strictObject({
    connection: awsConnectionField(),
    bucket: bucketField(),
    key: keyField('Wait for this exact object (e.g. incoming/{{ ds }}/_SUCCESS). Set Key or Prefix. Templated.'),
    prefix: prefixField('Wait until at least one object’s key starts with this prefix. Templated.', 'incoming/{{ ds }}/'),
    ...sensorFields('The task fails when the key is still missing after this many seconds.'),
  }),
  validate(config) {
    return [...bucketProblems(config.bucket), ...keyOrPrefixProblems(config)];
  },
});
