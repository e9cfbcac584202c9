import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../shared/operator';
import { fileSensorOperator } from '../file_sensor/definition';
import { httpSensorOperator } from './definition';

function problems(config: Record<string, unknown>) {
  const parsed = httpSensorOperator.config.safeParse(config);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return httpSensorOperator.validate?.(parsed.data) ?? [];
}

describe('http_sensor definition', () => {
  it('is a Sensor that pokes every 30 s for up to an hour by default', () => {
    expect(httpSensorOperator.category).toBe('Sensors');
    expect(httpSensorOperator.config.parse({ url: 'http://h/health' })).toEqual({
      url: 'http://h/health',
      method: 'GET',
      poke_interval_s: 30,
      timeout_s: 3600,
      request_timeout_s: 10,
    });
    expect(fieldsOf(httpSensorOperator).every((f) => f.ui.title)).toBe(true);
  });

  it('shares the URL rule of http_request', () => {
    expect(problems({ url: 'health' })[0]).toMatchObject({ path: 'url' });
    expect(problems({ url: 'health', connection: 'svc' })).toEqual([]);
  });

  it('refuses to search the body of a HEAD response', () => {
    expect(problems({ url: 'http://h/x', method: 'HEAD', response_contains: 'ok' })).toEqual([
      { path: 'response_contains', message: 'a HEAD response has no body to search; use GET' },
    ]);
  });

  it('refuses a poke interval or timeout of zero', () => {
    expect(problems({ url: 'http://h/x', poke_interval_s: 0 })).toEqual([{ path: 'poke_interval_s', message: 'must be more than 0' }]);
    expect(problems({ url: 'http://h/x', timeout_s: -1 })).toEqual([{ path: 'timeout_s', message: 'must be more than 0' }]);
  });
});

describe('file_sensor definition', () => {
  it('is a Sensor with a required, templated path', () => {
    expect(fileSensorOperator.category).toBe('Sensors');
    const fields = fieldsOf(fileSensorOperator);
    expect(fields.map((f) => [f.key, f.required, f.defaultValue])).toEqual([
      ['path', true, undefined],
      ['poke_interval_s', false, 30],
      ['timeout_s', false, 3600],
    ]);
    expect(fields[0]?.ui).toMatchObject({ widget: 'path', templated: true });
    expect(fileSensorOperator.config.safeParse({ path: '  ' }).success).toBe(false);
  });
});
