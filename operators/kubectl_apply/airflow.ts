import { BASH_HELPER } from '../../shared/airflow/helpers';
import type { AirflowMapping } from '../../shared/airflow/mapping';
import { shellJoin } from '../../shared/airflow/shell';
import { kubectlApplyArgs, type KubectlApplyConfig } from './kubectl-args';

/** kubectl_apply → BashOperator running the same `kubectl apply` command line (paths relative to the DAG file). */
export const kubectlApplyAirflow: AirflowMapping<KubectlApplyConfig> = ({ config }) => ({
  operator: 'DagstudioBashOperator',
  helpers: [BASH_HELPER],
  args: [['bash_command', shellJoin(['kubectl', ...kubectlApplyArgs(config)])]],
  returnDiffers: 'dagstudio returns { context, namespace, dry_run }, this task the last line kubectl printed',
});
