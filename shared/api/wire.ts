import { z } from 'zod';
import type { HostErrorInfo } from './errors';
import type { HostEvent } from './app-events';

/**
 * Frames of the WebSocket transport (Electron's IPC carries the same replies and event batches).
 * client → host: a request; host → client: the reply to a request id, or a batch of events.
 */

export const requestFrameSchema = z.strictObject({
  id: z.union([z.number().int(), z.string().max(100)]),
  method: z.string().max(100),
  params: z.unknown().optional(),
});
export type RequestFrame = z.output<typeof requestFrameSchema>;

export type ReplyEnvelope = { result: unknown; error?: undefined } | { result?: undefined; error: HostErrorInfo };

/** `id` is null when the host could not read the request's id (malformed or oversized message). */
export type ReplyFrame = { id: number | string | null } & ReplyEnvelope;

export interface EventsFrame {
  events: HostEvent[];
}

export type HostFrame = ReplyFrame | EventsFrame;

/** The WebSocket endpoint's path on the serve host. */
export const WS_PATH = '/api';
