import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import { processFields } from '../process-fields';

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
    ...processFields(),
  }),
});
