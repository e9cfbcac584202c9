import type { PythonHelper } from '../../shared/airflow/helpers';
import { present, type AirflowMapping } from '../../shared/airflow/mapping';
import { py, pyNumber, pyStr } from '../../shared/airflow/python';
import type { OperatorConfig } from '../../shared/operator';
import type { httpRequestOperator } from './definition';

/*
 * The HTTP operators' Airflow mappings (http_sensor uses the same pieces): the provider's operators send
 * requests through a connection (its host is the base URL), with a response check written like the local one.
 */

const TEMPLATE = /\{\{|\{%/;

export const HTTP_VALUE_HELPER: PythonHelper = {
  id: 'http_value',
  modules: [],
  airflow: [],
  requires: [],
  code: String.raw`def _dagstudio_http_value(response):
    """dagstudio's return value of an HTTP task: the body parsed when it is JSON, else its text (None for HEAD)."""
    if response.request.method == 'HEAD':
        return None
    if 'json' in response.headers.get('Content-Type', ''):
        try:
            return response.json()
        except ValueError:
            pass
    return response.text`,
};

export interface HttpTarget {
  connId: string;
  endpoint: string;
  issue?: { field: string; message: string };
}

/**
 * The conn_id and endpoint of a request. With a connection, the URL is a path under its base URL, as locally.
 * An absolute URL needs a connection in Airflow: one named after the task, whose host the report names.
 */
export function httpTarget(taskId: string, url: string, connection: string | undefined): HttpTarget {
  if (connection) return { connId: connection, endpoint: url };
  const connId = `${taskId.replace(/[^A-Za-z0-9_-]/g, '_')}_http`;
  if (!TEMPLATE.test(url)) {
    const parsed = new URL(url);
    const endpoint = `${parsed.pathname}${parsed.search}`;
    return {
      connId,
      endpoint,
      issue: { field: 'config.url', message: `Airflow's HTTP operators send requests through a connection: create http connection "${connId}" with host ${parsed.origin}` },
    };
  }
  return {
    connId,
    endpoint: url,
    issue: { field: 'config.url', message: `cannot be exported as is: Airflow's HTTP operators put a connection's host before the URL, and this absolute URL is templated; make it a path under an http connection ("${connId}" is written in its place)` },
  };
}

/** `lambda response: <the local success rule>`: the expected statuses (any 2xx when none), and a text in the body. */
export function responseCheck(expect: number | number[] | undefined, contains?: string): ReturnType<typeof py> {
  const codes = expect === undefined ? undefined : Array.isArray(expect) ? expect : [expect];
  const status = codes === undefined ? '200 <= response.status_code < 300' : `response.status_code in (${codes.map(pyNumber).join(', ')}${codes.length === 1 ? ',' : ''})`;
  const body = contains === undefined || contains === '' ? '' : ` and ${pyStr(contains)} in response.text`;
  return py(`lambda response: ${status}${body}`);
}

/** http_request → the HTTP provider's HttpOperator, with the local status rule and return value. */
export const httpRequestAirflow: AirflowMapping<OperatorConfig<typeof httpRequestOperator>> = ({ task, config }) => {
  const target = httpTarget(task.id, config.url, config.connection);
  const jsonBody = typeof config.body === 'object' && config.body !== null;
  const headers = jsonBody ? { 'Content-Type': 'application/json', ...(config.headers ?? {}) } : present(config.headers);
  return {
    operator: 'HttpOperator',
    imports: ['HttpOperator'],
    helpers: [HTTP_VALUE_HELPER],
    connections: [{ name: target.connId, type: 'http' }],
    args: [
      ['http_conn_id', target.connId],
      ['endpoint', target.endpoint],
      ['method', config.method],
      ['headers', headers],
      ['data', jsonBody ? JSON.stringify(config.body) : present(config.body as string | undefined)],
      ['response_check', responseCheck(config.expect_status)],
      ['response_filter', py('_dagstudio_http_value')],
      ['extra_options', { check_response: false, timeout: config.timeout_s }],
    ],
    issues: target.issue ? [target.issue] : [],
  };
};
