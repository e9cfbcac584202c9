import type { Executor } from '../execute-types';
import { connectionOfType } from '../http/connections';
import { displayUrl, resolveHttpTarget } from '../http/http-target';
import { readConfig } from '../http/read-config';
import { bodyPreview, describeExpected, formatBytes, responseValue, sendRequest, statusMatches } from '../http/send-request';
import { httpRequestOperator } from './definition';

export const executeHttpRequest: Executor = async (context) => {
  const config = readConfig(httpRequestOperator, context.config);
  const connection = config.connection ? connectionOfType(context, config.connection, 'http') : undefined;
  const target = resolveHttpTarget({ url: config.url, headers: config.headers, connection });

  const via = connection ? ` via connection "${connection.name}"` : '';
  const auth = target.auth ? `, ${target.auth} auth` : '';
  context.log(`${config.method} ${displayUrl(target.url)}${via}${auth}\n`);

  const response = await sendRequest({
    method: config.method,
    target,
    body: config.body,
    timeoutS: config.timeout_s,
    signal: context.signal,
  });
  const size = response.truncated ? `more than ${formatBytes(response.bytes)} (kept the first 1 MiB)` : formatBytes(response.bytes);
  context.log(`${response.status} ${response.statusText}${response.contentType ? `, ${response.contentType}` : ''}, ${size}\n`);

  if (!statusMatches(config.expect_status, response.status)) {
    const preview = bodyPreview(response.text);
    throw new Error(
      `${config.method} ${displayUrl(target.url)} returned ${response.status} ${response.statusText} (expected ${describeExpected(config.expect_status)})${preview ? `: ${preview}` : ''}`,
    );
  }
  return { state: 'success', returnValue: config.method === 'HEAD' ? null : responseValue(response) };
};
