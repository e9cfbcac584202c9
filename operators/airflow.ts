/* Owned by the Airflow export work: the registry of operators/<name>/airflow.ts mappings. */
export {};
