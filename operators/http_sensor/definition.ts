import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import { checkHttpUrl, expectStatusField, httpConnectionField, httpHeadersField, httpUrlField } from '../http_request/definition';
import { sensorFields } from '../sensor-fields';

export const httpSensorOperator = defineOperator({
  id: 'http_sensor',
  label: 'HTTP sensor',
  category: 'Sensors',
  description: 'Waits until a URL answers with the expected status (and, optionally, a body containing a text).',
  icon: 'radar',
  returns: 'The body of the response that satisfied the sensor: parsed when it is JSON, else its text.',
  config: z.strictObject({
    connection: httpConnectionField(),
    url: httpUrlField('The URL to check: absolute http(s), or a path appended to the connection’s base URL. Templated.'),
    method: field(z.enum(['GET', 'HEAD', 'POST']).default('GET'), {
      title: 'Method',
      widget: 'select',
      advanced: true,
    }),
    headers: httpHeadersField(),
    expect_status: expectStatusField('The status codes that mean “ready” (one or a list). Empty: any 2xx.'),
    response_contains: field(z.string().optional(), {
      title: 'Response contains',
      description: 'Also wait until the response body contains this text. Templated.',
      widget: 'text',
      templated: true,
    }),
    ...sensorFields(),
    request_timeout_s: field(z.number().gt(0, 'must be more than 0').max(3600, 'must be at most 3600').default(10), {
      title: 'Request timeout (s)',
      description: 'How long one check waits for a response before counting as “not ready”.',
      widget: 'number',
      advanced: true,
    }),
  }),
  validate(config) {
    const problems = checkHttpUrl(config);
    if (config.method === 'HEAD' && config.response_contains) {
      problems.push({ path: 'response_contains', message: 'a HEAD response has no body to search; use GET' });
    }
    return problems;
  },
});
