import { z } from 'zod';
import { field } from '../shared/operator';

/*
 * Pure (zod + shared/operator only): what every sensor (http_sensor, file_sensor, s3_key_sensor) has in common,
 * written once — the timing fields of Airflow's poke mode, and the Airflow arguments they become — so the
 * form, the validation, the executors and the export agree on them for every sensor.
 */

const CONDITION_NOT_MET = 'The task fails when the condition is still not met after this many seconds.';

/**
 * `poke_interval_s` and `timeout_s`, with the defaults every sensor uses (a check every 30 s, for up to an hour).
 * `timeoutDescription` lets a sensor say in its own words what is still missing when it gives up.
 */
export function sensorFields(timeoutDescription: string = CONDITION_NOT_MET) {
  return {
    poke_interval_s: field(z.number().gt(0, 'must be more than 0').max(86_400, 'must be at most 86400 (one day)').default(30), {
      title: 'Poke interval (s)',
      description: 'Seconds between two checks.',
      widget: 'number',
    }),
    timeout_s: field(z.number().gt(0, 'must be more than 0').max(604_800, 'must be at most 604800 (one week)').default(3600), {
      title: 'Timeout (s)',
      description: timeoutDescription,
      widget: 'number',
    }),
  };
}

export interface SensorTiming {
  poke_interval_s: number;
  timeout_s: number;
}

/** The sensor fields as the keyword arguments of an Airflow BaseSensorOperator, which pokes the same way. */
export function sensorAirflowArgs(config: SensorTiming): ReadonlyArray<readonly [string, unknown]> {
  return [
    ['poke_interval', config.poke_interval_s],
    ['timeout', config.timeout_s],
    ['mode', 'poke'],
  ];
}
