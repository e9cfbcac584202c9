import { z } from 'zod';
import { idSchema } from './pipeline/schema';

/** Variables and connections (Airflow's names), as stored by the host and used by the runner. */

export const variableSchema = z.strictObject({
  name: idSchema,
  value: z.string(),
  /** A secret's value is masked as *** in logs and never sent back to the renderer in plain text. */
  secret: z.boolean().default(false),
  description: z.string().optional(),
});
export type Variable = z.output<typeof variableSchema>;

export const awsConnectionSchema = z.strictObject({
  type: z.literal('aws'),
  name: idSchema,
  region: z.string().optional(),
  access_key_id: z.string().optional(),
  secret_access_key: z.string().optional(),
  session_token: z.string().optional(),
  profile: z.string().optional(),
  /** For S3-compatible servers and emulators; empty means AWS itself. */
  endpoint_url: z.string().optional(),
});

export const smtpConnectionSchema = z.strictObject({
  type: z.literal('smtp'),
  name: idSchema,
  host: z.string(),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  password: z.string().optional(),
  from: z.string().optional(),
});

export const httpConnectionSchema = z.strictObject({
  type: z.literal('http'),
  name: idSchema,
  base_url: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  login: z.string().optional(),
  password: z.string().optional(),
  token: z.string().optional(),
});

export const connectionSchema = z.discriminatedUnion('type', [awsConnectionSchema, smtpConnectionSchema, httpConnectionSchema]);
export type Connection = z.output<typeof connectionSchema>;
export type AwsConnection = z.output<typeof awsConnectionSchema>;
export type SmtpConnection = z.output<typeof smtpConnectionSchema>;
export type HttpConnection = z.output<typeof httpConnectionSchema>;

/** Fields of each connection type that hold secrets: stored encrypted (or 0600), masked in logs, never exported. */
export const CONNECTION_SECRET_FIELDS: Record<Connection['type'], readonly string[]> = {
  aws: ['secret_access_key', 'session_token'],
  smtp: ['password'],
  http: ['password', 'token'],
};

/** The values that must never appear in a log: secret variables and connection secrets. */
export function secretValues(variables: readonly Variable[], connections: readonly Connection[]): string[] {
  const out: string[] = [];
  for (const v of variables) if (v.secret && v.value) out.push(v.value);
  for (const c of connections) {
    for (const key of CONNECTION_SECRET_FIELDS[c.type]) {
      const value = (c as Record<string, unknown>)[key];
      if (typeof value === 'string' && value) out.push(value);
    }
  }
  return out;
}
