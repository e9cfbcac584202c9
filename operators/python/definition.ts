import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import { processFields } from '../process-fields';

export const pythonOperator = defineOperator({
  id: 'python',
  label: 'Python',
  category: 'Python',
  description: 'Runs inline Python code or a script file in a subprocess, with the same rules locally and in Airflow.',
  icon: 'python',
  returns: 'The JSON written to $DAGSTUDIO_RETURN_FILE, else the last non-empty line of output.',
  config: z.strictObject({
    code: field(z.string().optional(), {
      title: 'Code',
      description: 'Inline Python source. Use either Code or Script.',
      widget: 'code',
      language: 'python',
      templated: true,
    }),
    script: field(z.string().optional(), {
      title: 'Script',
      description: 'Path to a .py file, relative to the pipeline file.',
      widget: 'path',
      templated: true,
    }),
    args: field(z.array(z.string()).optional(), {
      title: 'Arguments',
      description: 'Command-line arguments (templated).',
      widget: 'list',
      templated: true,
    }),
    interpreter: field(z.string().default('python3'), {
      title: 'Interpreter',
      description: 'The Python executable (a path or a name on PATH). Templated, e.g. {{ params.python }}.',
      widget: 'text',
      templated: true,
      advanced: true,
    }),
    ...processFields(),
  }),
  validate(config) {
    const hasCode = typeof config.code === 'string' && config.code.trim() !== '';
    const hasScript = typeof config.script === 'string' && config.script.trim() !== '';
    if (!hasCode && !hasScript) return [{ path: 'code', message: 'set either code or script' }];
    if (hasCode && hasScript) return [{ path: 'script', message: 'set either code or script, not both' }];
    return [];
  },
});
