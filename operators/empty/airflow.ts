import type { AirflowMapping } from '../../shared/airflow/mapping';

/** empty → EmptyOperator (Airflow's own join point; it never runs on a worker). */
export const emptyAirflow: AirflowMapping = () => ({ operator: 'EmptyOperator', imports: ['EmptyOperator'], args: [] });
