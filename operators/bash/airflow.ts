import { BASH_HELPER } from '../../shared/airflow/helpers';
import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import type { OperatorConfig } from '../../shared/operator';
import type { bashOperator } from './definition';

/** bash → BashOperator (the subclass that keeps dagstudio's env, return-value and process-group rules). */
export const bashAirflow: AirflowMapping<OperatorConfig<typeof bashOperator>> = ({ config }) => ({
  operator: 'DagstudioBashOperator',
  helpers: [BASH_HELPER],
  args: [
    ['bash_command', config.command],
    ['env', present(config.env)],
    ['cwd', present(config.cwd)],
  ],
});
