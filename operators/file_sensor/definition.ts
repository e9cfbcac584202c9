import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import { sensorFields } from '../sensor-fields';

export const fileSensorOperator = defineOperator({
  id: 'file_sensor',
  label: 'File sensor',
  category: 'Sensors',
  description: 'Waits until a file, a folder or a glob pattern (*, ?, [abc], **) matches something on disk.',
  icon: 'file-search',
  returns: 'The matching paths (absolute), sorted.',
  config: z.strictObject({
    path: field(z.string().trim().min(1, 'required'), {
      title: 'Path',
      description: 'A file or folder, or a glob such as data/*.csv or out/**/model.tar.gz; relative to the pipeline file. Templated.',
      widget: 'path',
      templated: true,
      placeholder: 'data/ready/*.csv',
    }),
    ...sensorFields(),
  }),
});
