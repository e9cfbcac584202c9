import { DAG_FOLDER_HELPER } from '../../shared/airflow/helpers';
import type { AirflowMapping } from '../../shared/airflow/mapping';
import { py, pyStr } from '../../shared/airflow/python';
import type { OperatorConfig } from '../../shared/operator';
import { sensorAirflowArgs } from '../sensor-fields';
import type { fileSensorOperator } from './definition';

/** file_sensor → FileSensor on a path relative to the DAG file's folder (glob patterns, ** included). */
export const fileSensorAirflow: AirflowMapping<OperatorConfig<typeof fileSensorOperator>> = ({ config }) => ({
  operator: 'FileSensor',
  imports: ['FileSensor'],
  helpers: [DAG_FOLDER_HELPER],
  connections: [{ name: 'fs_default', type: 'fs' }],
  args: [
    // An absolute path stays as it is: os.path.join keeps the last absolute part.
    ['filepath', py(`os.path.join(DAG_FOLDER, ${pyStr(config.path)})`)],
    ['recursive', config.path.includes('**') ? true : undefined],
    ['fs_conn_id', 'fs_default'],
    ...sensorAirflowArgs(config),
  ],
  returnDiffers: 'dagstudio returns the matching paths, FileSensor returns nothing',
});
