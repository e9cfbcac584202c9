import { z } from 'zod';
import { field } from '../shared/operator';

/*
 * Pure (zod + shared/operator only): the fields of the operators that run a local process (bash, python), written
 * once so both forms offer them alike; their executors apply them the same way (bash/execute.ts workingDirectory).
 */

/** `env` (extra environment variables, templated values) and `cwd` (relative to the pipeline file's folder). */
export function processFields() {
  return {
    env: field(z.record(z.string(), z.string()).optional(), {
      title: 'Environment',
      description: 'Extra environment variables (values are templated).',
      widget: 'keyvalue',
      templated: true,
    }),
    cwd: field(z.string().optional(), {
      title: 'Working directory',
      description: 'Defaults to the folder of the pipeline file.',
      widget: 'path',
      templated: true,
      advanced: true,
    }),
  };
}
