import type { HostEvent } from './app-events';
import { METHOD_NAMES } from './method-names';
import type { Method, ReplyOf, RequestOf } from './requests';

/** The `DagstudioApi` interface, derived from the request table, and `buildApi` that makes one over a transport. */

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
  for (const method of METHOD_NAMES) {
    const [group, name] = method.split('.') as [string, string];
    api[group] ??= {};
    api[group][name] = (request?: unknown) => invoke(method, request ?? {});
  }
  return { ...api, onEvent } as unknown as DagstudioApi;
}
