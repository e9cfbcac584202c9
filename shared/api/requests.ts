import type { z } from 'zod';
import { appRequests } from './app-requests';
import { pipelineRequests } from './pipeline-requests';
import { runRequests } from './run-requests';
import { settingsRequests } from './settings-requests';

/** The table of every request of the host API: method name → request and reply schemas (DESIGN.md §5). */

export interface RequestSpec {
  request: z.ZodType;
  reply: z.ZodType;
}

export const REQUESTS = {
  ...appRequests,
  ...pipelineRequests,
  ...runRequests,
  ...settingsRequests,
} as const satisfies Record<`${string}.${string}`, RequestSpec>;

export type Requests = typeof REQUESTS;
export type Method = keyof Requests;
/** What a caller passes (defaults may be left out). */
export type RequestOf<M extends Method> = z.input<Requests[M]['request']>;
/** What the host handler receives after validation (defaults filled in). */
export type ParsedRequestOf<M extends Method> = z.output<Requests[M]['request']>;
export type ReplyOf<M extends Method> = z.output<Requests[M]['reply']>;

export const METHODS = Object.keys(REQUESTS) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(REQUESTS, name);
}
