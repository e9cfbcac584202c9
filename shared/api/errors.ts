/** What went wrong with a request, as a stable machine-readable code plus a sentence for people. */

export const ERROR_CODES = [
  /** The payload does not match the method's schema (the message names the field). */
  'bad-request',
  /** No such method in the API table. */
  'unknown-method',
  /** The caller may not use the host (a frame that is not the app's own page). */
  'forbidden',
  /** A path outside the folders the host may touch, or one the operation may not write. */
  'forbidden-path',
  'not-found',
  /** Save As onto an existing file without `overwrite`. */
  'exists',
  /** The operation exists only in the desktop app (file dialogs). */
  'unsupported',
  /** The feature has not landed yet. */
  'not-available',
  /** A message above the host's size limit. */
  'too-large',
  /** A message that is not JSON or not a request envelope. */
  'malformed',
  /** The run or task is not in a state that allows the operation. */
  'conflict',
  /** Reading or writing a file failed. */
  'io',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface HostErrorInfo {
  code: ErrorCode;
  message: string;
}

/** The error a host method rejects with. Over Electron's bridge only `message` survives, so it always stands alone. */
export class HostError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'HostError';
    this.code = code;
  }
}

/** The readable message of anything a host call rejected with. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
