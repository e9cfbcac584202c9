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
export { runEventSchema, type RunEvent, type RunStateEvent, type TaskStateEvent, type LogChunkEvent } from './api/events';

export { buildApi, type DagstudioApi, type ApiGroup, type EventListener, type Invoke } from './api/build-api';
export { METHOD_NAMES } from './api/method-names';
