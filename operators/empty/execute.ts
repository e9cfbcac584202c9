import type { Executor } from '../execute-types';

/** Airflow's EmptyOperator: no process, no work; succeeds at once (its trigger rule did the deciding). */
export const executeEmpty: Executor = async () => ({ state: 'success' });
