import { configReader } from '../read-config';

/* One config reader for every operator family (operators/read-config.ts); AWS executors' lines start with "bad". */
export const readConfig = configReader('bad');
