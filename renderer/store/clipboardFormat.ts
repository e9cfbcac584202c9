import { z } from 'zod';
import { checkWith } from '../../shared/pipeline/messages';
import { edgeSchema, taskSchema } from '../../shared/pipeline/schema';
import type { ClipboardContent } from './clipboard';

/*
 * Copied tasks on the system clipboard, so they paste into another window or tab: a small versioned JSON
 * envelope whose tasks and edges are those of the pipeline file (the same schemas check them). Whatever
 * the clipboard holds came from outside the app and is checked before anything is pasted.
 */

export const CLIPBOARD_FORMAT = 'dagstudio/clipboard';
export const CLIPBOARD_VERSION = 1;

const envelopeSchema = z.strictObject({
  format: z.literal(CLIPBOARD_FORMAT),
  version: z.literal(CLIPBOARD_VERSION),
  tasks: z.array(taskSchema).min(1),
  edges: z.array(edgeSchema).default([]),
});

export function encodeClipboard(content: ClipboardContent): string {
  return JSON.stringify({ format: CLIPBOARD_FORMAT, version: CLIPBOARD_VERSION, tasks: content.tasks, edges: content.edges }, null, 2);
}

export type DecodedClipboard =
  | { kind: 'tasks'; content: ClipboardContent }
  /** Text that is not ours at all (prose, code, someone else's JSON). */
  | { kind: 'foreign' }
  /** Our envelope, but not one this version can paste. */
  | { kind: 'invalid'; message: string };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function decodeClipboard(text: string): DecodedClipboard {
  const value = parseJson(text);
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== CLIPBOARD_FORMAT) return { kind: 'foreign' };
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > CLIPBOARD_VERSION) {
    return { kind: 'invalid', message: `the tasks were copied by a newer dagstudio (clipboard version ${version}; this one reads ${CLIPBOARD_VERSION})` };
  }
  const checked = checkWith(envelopeSchema, value);
  if (!checked.ok) {
    const [first] = checked.problems;
    const more = checked.problems.length - 1;
    return { kind: 'invalid', message: `${first ? `${first.path || '(clipboard)'}: ${first.message}` : 'not valid'}${more > 0 ? ` (and ${more} more)` : ''}` };
  }
  const seen = new Map<string, number>();
  for (const [index, task] of checked.data.tasks.entries()) {
    const first = seen.get(task.id);
    if (first !== undefined) return { kind: 'invalid', message: `tasks[${index}].id: "${task.id}" is also the id of tasks[${first}]` };
    seen.set(task.id, index);
  }
  return { kind: 'tasks', content: { tasks: checked.data.tasks, edges: checked.data.edges } };
}

/** The app's own copy: what it copied last, and whether the system clipboard took it too. */
export interface OwnClipboard {
  content: ClipboardContent;
  text: string;
  shared: boolean;
}

export type PasteSource = { content: ClipboardContent; key: string } | { notice: { kind: 'info' | 'error'; text: string } } | null;

/**
 * What Paste pastes. The system clipboard wins (it may hold tasks copied in another window); when it
 * cannot be read, the app's own copy. Text that is not ours means something newer than our copy was put
 * there — unless our copy never reached the system clipboard, in which case our copy is still the latest.
 * `key` names the pasted content, so pasting the same thing again can step each copy further along.
 */
export function resolvePaste(systemText: string | null, own: OwnClipboard | null): PasteSource {
  if (systemText !== null) {
    const decoded = decodeClipboard(systemText);
    if (decoded.kind === 'tasks') return { content: decoded.content, key: systemText };
    if (decoded.kind === 'invalid') return { notice: { kind: 'error', text: `Cannot paste these tasks: ${decoded.message}.` } };
    if (!own || own.shared) return { notice: { kind: 'info', text: 'Nothing to paste: the clipboard holds no dagstudio tasks.' } };
  }
  return own ? { content: own.content, key: own.text } : null;
}
