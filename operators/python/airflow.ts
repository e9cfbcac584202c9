import { PYTHON_HELPER } from '../../shared/airflow/helpers';
import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import type { OperatorConfig } from '../../shared/operator';
import type { pythonOperator } from './definition';

/** python → a task that runs the code or script in a subprocess with the local runner's env and return rules. */
export const pythonAirflow: AirflowMapping<OperatorConfig<typeof pythonOperator>> = ({ config }) => ({
  operator: 'DagstudioPythonOperator',
  helpers: [PYTHON_HELPER],
  args: [
    ['code', present(config.code)],
    ['script', present(config.script)],
    ['args', present(config.args)],
    ['interpreter', config.interpreter === 'python3' ? undefined : config.interpreter],
    ['env', present(config.env)],
    ['cwd', present(config.cwd)],
  ],
});
