import { REQUESTS, type Method, type ReplyOf, type RequestOf } from './api/requests';
import type { HostEvent } from './api/app-events';

/**
 * The host API contract (DESIGN.md §5): one table of requests (shared/api/requests.ts), the events, and the
 * `DagstudioApi` interface derived from them. The preload (Electron IPC) and the browser's WebSocket client
 * both build `window.dagstudio` with `buildApi`, so the renderer cannot tell the two transports apart.
 *
 * Calls look like `api.pipelines.open({ path })` and return promises; a refused call rejects with an Error whose
 * message says what was wrong. `api.onEvent(listener)` delivers run events (after `runs.subscribe`) and the
 * desktop shell's menu/open-path events, and returns an unsubscribe function.
 */

export * from './api/requests';
export * from './api/errors';
export * from './api/app-events';
export * from './api/wire';
export { SECRET_MASK, THEMES, preferencesSchema, type Preferences } from './api/settings-requests';
export { problemSchema, loadedPipelineSchema } from './api/pipeline-requests';
export { subscriptionSchema } from './api/run-requests';
export * from './api/runs';
export { appInfoSchema, FILE_KINDS, type AppInfo } from './api/app-requests';
// eslint-disable-next-line no-restricted-imports -- our shared/api/events.ts, not Node's `events` (the lint pattern matches the name)
export { runEventSchema, type RunEvent, type RunStateEvent, type TaskStateEvent, type LogChunkEvent } from './api/events';

/** `{}` requests may be called without an argument. */
type Call<M extends Method> = Record<never, never> extends RequestOf<M>
  ? (request?: RequestOf<M>) => Promise<ReplyOf<M>>
  : (request: RequestOf<M>) => Promise<ReplyOf<M>>;

type GroupOf<M> = M extends `${infer G}.${string}` ? G : never;
export type ApiGroup = GroupOf<Method>;

export type EventListener = (event: HostEvent) => void;

export type DagstudioApi = {
  readonly [G in ApiGroup]: { readonly [M in Method as M extends `${G}.${infer N}` ? N : never]: Call<M> };
} & {
  /** Listens to host events; returns the function that stops listening. */
  onEvent(listener: EventListener): () => void;
};

/** Sends one request and resolves with its reply or rejects with the host's error. */
export type Invoke = (method: Method, request: unknown) => Promise<unknown>;

/** Builds the nested API object (`api.runs.start(…)`) over a transport's `invoke` and event subscription. */
export function buildApi(invoke: Invoke, onEvent: (listener: EventListener) => () => void): DagstudioApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const method of Object.keys(REQUESTS) as Method[]) {
    const [group, name] = method.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (request?: unknown) => invoke(method, request ?? {});
  }
  return { ...api, onEvent } as unknown as DagstudioApi;
}
