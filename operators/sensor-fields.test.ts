import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../shared/operator';
import { getAirflowMapping } from './airflow';
import { OPERATORS } from './index';

const sensors = OPERATORS.filter((op) => op.category === 'Sensors');
const minimal: Record<string, Record<string, unknown>> = {
  http_sensor: { url: 'http://h/health' },
  file_sensor: { path: 'data/ready' },
  s3_key_sensor: { bucket: 'pets-data', key: 'in/_SUCCESS' },
};
const at = { x: 0, y: 0 };

describe('the sensor fields', () => {
  it('are on every sensor: a check every 30 s for up to an hour, each sensor naming what it waits for', () => {
    expect(sensors.map((op) => op.id).sort()).toEqual(Object.keys(minimal).sort());
    for (const op of sensors) {
      const byKey = new Map(fieldsOf(op).map((f) => [f.key, f]));
      expect([byKey.get('poke_interval_s')?.defaultValue, byKey.get('timeout_s')?.defaultValue], op.id).toEqual([30, 3600]);
      expect(byKey.get('poke_interval_s')?.ui).toMatchObject({ title: 'Poke interval (s)', widget: 'number' });
      expect(byKey.get('timeout_s')?.ui.description, op.id).toMatch(/^The task fails when .+ after this many seconds\.$/);
    }
    const s3 = fieldsOf(sensors.find((op) => op.id === 's3_key_sensor')!).find((f) => f.key === 'timeout_s');
    expect(s3?.ui.description).toBe('The task fails when the key is still missing after this many seconds.');
  });

  it('refuse a wait of zero, or longer than a day between checks or a week in all', () => {
    for (const op of sensors) {
      const base = minimal[op.id]!;
      expect(op.config.safeParse({ ...base, poke_interval_s: 0 }).success, op.id).toBe(false);
      expect(op.config.safeParse({ ...base, poke_interval_s: 86_401 }).success, op.id).toBe(false);
      expect(op.config.safeParse({ ...base, timeout_s: 604_801 }).success, op.id).toBe(false);
      expect(op.config.safeParse({ ...base, poke_interval_s: 0.5, timeout_s: 604_800 }).success, op.id).toBe(true);
    }
  });

  it('become poke_interval, timeout and mode="poke" in every sensor’s Airflow export', () => {
    for (const op of sensors) {
      const config = op.config.parse({ ...minimal[op.id], poke_interval_s: 5, timeout_s: 60 });
      const task = { id: 'wait', operator: op.id, config, position: at };
      const { args } = getAirflowMapping(op.id)!({ task, config });
      expect(args.filter(([name]) => ['poke_interval', 'timeout', 'mode'].includes(name)), op.id).toEqual([
        ['poke_interval', 5],
        ['timeout', 60],
        ['mode', 'poke'],
      ]);
    }
  });
});
