import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';

export const bashOperator = defineOperator({
  id: 'bash',
  label: 'Bash',
  category: 'Core',
  description: 'Runs a shell command in a real terminal. Exit 0 succeeds, 99 skips, anything else fails.',
  icon: 'terminal',
  returns: 'The JSON written to $DAGSTUDIO_RETURN_FILE, else the last non-empty line of output.',
  config: z.strictObject({
    command: field(z.string().min(1, 'required'), {
      title: 'Command',
      description: 'Bash script to run. Templated: {{ ds }}, {{ params.x }}, {{ ti.xcom_pull(task_ids="t") }} …',
      widget: 'code',
      language: 'bash',
      templated: true,
    }),
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
  }),
});
