import { z } from 'zod';
import { defineOperator, field } from '../../shared/operator';
import type { Problem } from '../../shared/problems';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/* http_sensor declares the same request fields; these factories keep them written once (a fresh schema per use,
   because UI metadata is registered per schema instance). */

export function httpConnectionField() {
  return field(z.string().min(1, 'must not be empty').optional(), {
    title: 'Connection',
    description: 'An http connection: its base URL prefixes a relative URL, its headers and login/password or token are sent.',
    widget: 'connection',
    connectionType: 'http',
  });
}

export function httpUrlField(description: string) {
  return field(z.string().min(1, 'required'), {
    title: 'URL',
    description,
    widget: 'text',
    templated: true,
    placeholder: 'https://example.com/api/health',
  });
}

export function httpHeadersField() {
  return field(z.record(z.string(), z.string()).optional(), {
    title: 'Headers',
    description: 'Request headers (values are templated). They override the connection’s headers.',
    widget: 'keyvalue',
    templated: true,
  });
}

const statusCode = z.number().int('must be a whole number').min(100, 'must be an HTTP status (100–599)').max(599, 'must be an HTTP status (100–599)');

export function expectStatusField(description: string) {
  return field(z.union([statusCode, z.array(statusCode).min(1, 'list at least one status')]).optional(), {
    title: 'Expected status',
    description,
    widget: 'list',
  });
}

const TEMPLATE = /\{\{|\{%/;

/** The URL rule of the HTTP operators: absolute http(s), or a path under the connection's base URL. */
export function checkHttpUrl(config: { url: string; connection?: string | undefined }): Problem[] {
  const url = config.url.trim();
  /* A templated URL is only known after rendering; the executor checks it then. */
  if (TEMPLATE.test(url)) return [];
  if (/^https?:\/\//i.test(url)) {
    try {
      new URL(url);
      return [];
    } catch {
      return [{ path: 'url', message: `"${url}" is not a valid URL` }];
    }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return [{ path: 'url', message: 'must be an http:// or https:// URL' }];
  if (!config.connection) return [{ path: 'url', message: 'must start with http:// or https:// (or pick a connection and give a path under its base URL)' }];
  return [];
}

export const httpRequestOperator = defineOperator({
  id: 'http_request',
  label: 'HTTP request',
  category: 'Core',
  description: 'Sends one HTTP request and fails unless the response has the expected status.',
  icon: 'globe',
  returns: 'The response body: parsed when it is JSON, else its text (at most 1 MiB).',
  config: z.strictObject({
    connection: httpConnectionField(),
    url: httpUrlField('An absolute http(s) URL, or a path appended to the connection’s base URL. Templated.'),
    method: field(z.enum(HTTP_METHODS).default('GET'), {
      title: 'Method',
      widget: 'select',
    }),
    headers: httpHeadersField(),
    body: field(z.union([z.string(), z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(), {
      title: 'Body',
      description: 'Text is sent as is; a JSON object or array is sent as JSON (Content-Type application/json). Templated.',
      widget: 'json',
      language: 'json',
      templated: true,
    }),
    expect_status: expectStatusField('The status codes that count as success (one or a list). Empty: any 2xx.'),
    timeout_s: field(z.number().gt(0, 'must be more than 0').max(3600, 'must be at most 3600').default(30), {
      title: 'Request timeout (s)',
      description: 'How long to wait for the response before failing.',
      widget: 'number',
      advanced: true,
    }),
  }),
  validate(config) {
    const problems = checkHttpUrl(config);
    if ((config.method === 'GET' || config.method === 'HEAD') && config.body !== undefined && config.body !== '') {
      problems.push({ path: 'body', message: `a ${config.method} request cannot have a body` });
    }
    return problems;
  },
});
