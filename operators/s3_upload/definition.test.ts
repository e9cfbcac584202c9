import { describe, expect, it } from 'vitest';
import { fieldsOf, templatedFields, type OperatorDefinition } from '../../shared/operator';
import { s3DownloadOperator } from '../s3_download/definition';
import { s3KeySensorOperator } from '../s3_key_sensor/definition';
import { s3UploadOperator } from './definition';

const all = [s3UploadOperator, s3DownloadOperator, s3KeySensorOperator] as unknown as OperatorDefinition[];

function check(definition: OperatorDefinition, config: Record<string, unknown>) {
  const parsed = definition.config.safeParse(config);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return (definition.validate?.(parsed.data) ?? []).map((p) => `${p.path}: ${p.message}`);
}

describe('the S3 operator definitions', () => {
  it('accept a key or a prefix with a bucket, and fill the defaults', () => {
    expect(check(all[0]!, { bucket: 'pets', path: 'data', prefix: 'datasets/' })).toEqual([]);
    expect(s3UploadOperator.config.parse({ bucket: 'pets', path: 'data', prefix: 'd/' })).toMatchObject({ concurrency: 4, part_size_mb: 8 });
    expect(s3DownloadOperator.config.parse({ bucket: 'pets', path: 'out/', key: 'm.tar.gz' })).toMatchObject({ overwrite: true, concurrency: 4 });
    expect(s3KeySensorOperator.config.parse({ bucket: 'pets', key: '_SUCCESS' })).toMatchObject({ poke_interval_s: 30, timeout_s: 3600 });
  });

  it('name the field at fault for each operator', () => {
    for (const definition of all) {
      const path = definition.id === 's3_key_sensor' ? {} : { path: 'x' };
      expect(check(definition, { ...path, bucket: 'pets' }), definition.id).toEqual(['key: set a key (one object) or a prefix (a folder of objects)']);
      expect(check(definition, { ...path, bucket: 's3://pets', key: 'a' }), definition.id).toEqual(['bucket: write the bucket\'s name only, without s3:// (e.g. "pets")']);
      expect(check(definition, { ...path, key: 'a' }), definition.id).toEqual(['bucket: Invalid input: expected string, received undefined']);
      expect(check(definition, { ...path, bucket: 'pets', key: 'a', colour: 'red' }), definition.id).toEqual([': Unrecognized key: "colour"']);
    }
    expect(check(all[0]!, { bucket: 'pets', path: 'x', key: 'a', part_size_mb: 1 })).toEqual(['part_size_mb: must be at least 5 (S3’s smallest part)']);
    expect(check(all[2]!, { bucket: 'pets', key: 'a', poke_interval_s: 0 })).toEqual(['poke_interval_s: must be more than 0']);
  });

  it('describe every field for the form, with the aws connection picker', () => {
    for (const definition of all) {
      const fields = fieldsOf(definition);
      for (const f of fields) expect(f.ui.title, `${definition.id}.${f.key}`).toBeTruthy();
      expect(fields.find((f) => f.key === 'connection')?.ui).toMatchObject({ widget: 'connection', connectionType: 'aws' });
      expect(templatedFields(definition)).toEqual(expect.arrayContaining(['bucket', 'key', 'prefix']));
      expect(definition.returns).toBeTruthy();
    }
    expect(s3UploadOperator.category).toBe('AWS');
    expect(s3DownloadOperator.category).toBe('AWS');
    expect(s3KeySensorOperator.category).toBe('Sensors');
  });
});
