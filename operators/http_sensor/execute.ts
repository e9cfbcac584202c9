import type { Executor } from '../execute-types';
import { CancelledError } from '../http/cancel';
import { connectionOfType } from '../http/connections';
import { displayUrl, resolveHttpTarget } from '../http/http-target';
import { pokeUntil } from '../http/poke';
import { readConfig } from '../http/read-config';
import { describeExpected, responseValue, sendRequest, statusMatches } from '../http/send-request';
import { httpSensorOperator } from './definition';

export const executeHttpSensor: Executor = async (context) => {
  const config = readConfig(httpSensorOperator, context.config);
  const connection = config.connection ? connectionOfType(context, config.connection, 'http') : undefined;
  const target = resolveHttpTarget({ url: config.url, headers: config.headers, connection });
  const where = displayUrl(target.url);
  const wanted = config.response_contains ? ` and a body containing "${config.response_contains}"` : '';
  context.log(
    `waiting for ${config.method} ${where} to answer ${describeExpected(config.expect_status)}${wanted} (every ${config.poke_interval_s} s, up to ${config.timeout_s} s)\n`,
  );

  const value = await pokeUntil({
    what: where,
    intervalS: config.poke_interval_s,
    timeoutS: config.timeout_s,
    signal: context.signal,
    log: context.log,
    poke: async () => {
      try {
        const response = await sendRequest({ method: config.method, target, timeoutS: config.request_timeout_s, signal: context.signal });
        const status = `${response.status} ${response.statusText}`.trim();
        if (!statusMatches(config.expect_status, response.status)) return { done: false, reason: status };
        if (config.response_contains && !response.text.includes(config.response_contains)) {
          return { done: false, reason: `${status} without "${config.response_contains}" in the body` };
        }
        return { done: true, value: config.method === 'HEAD' ? null : responseValue(response) };
      } catch (error) {
        /* An endpoint that is not up yet is what a sensor waits for; only a cancel ends the wait early. */
        if (error instanceof CancelledError) throw error;
        return { done: false, reason: (error as Error).message };
      }
    },
  });
  return { state: 'success', returnValue: value };
};
