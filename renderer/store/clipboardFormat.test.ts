import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/pipeline/schema';
import type { ClipboardContent } from './clipboard';
import { CLIPBOARD_FORMAT, decodeClipboard, encodeClipboard, resolvePaste, type OwnClipboard } from './clipboardFormat';

const task = (id: string, extra: Partial<Task> = {}): Task => ({ id, operator: 'bash', config: { command: `echo ${id}` }, position: { x: 10, y: 20 }, ...extra });

const content: ClipboardContent = {
  tasks: [task('extract', { group: 'g', retries: 2, note: 'first' }), task('load')],
  edges: [{ from: 'extract', to: 'load' }],
};

const envelope = (extra: Record<string, unknown>) => JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, tasks: content.tasks, edges: content.edges, ...extra });

describe('the clipboard envelope', () => {
  it('carries the copied tasks and edges through text unchanged', () => {
    const text = encodeClipboard(content);
    expect(JSON.parse(text)).toMatchObject({ format: 'dagstudio/clipboard', version: 1 });
    expect(decodeClipboard(text)).toEqual({ kind: 'tasks', content });
  });

  it('calls text that is not its envelope foreign: prose, other JSON, a pipeline file', () => {
    for (const text of ['', 'hello world', '42', 'null', '[1,2]', '{"tasks": []}', JSON.stringify({ format: 'dagstudio/pipeline', version: 1, id: 'p', tasks: [] })]) {
      expect(decodeClipboard(text), text).toEqual({ kind: 'foreign' });
    }
  });

  it('refuses an envelope from a newer version, saying so', () => {
    const decoded = decodeClipboard(envelope({ version: 2 }));
    expect(decoded).toEqual({ kind: 'invalid', message: expect.stringContaining('newer dagstudio (clipboard version 2') });
  });

  it('names the first bad field of an envelope whose tasks do not match the pipeline schema, and counts the rest', () => {
    const bad = envelope({ tasks: [{ ...task('ok'), id: 'has space' }, { ...task('b'), position: { x: 'left', y: 0 } }, { ...task('c'), retries: -1 }] });
    const decoded = decodeClipboard(bad);
    expect(decoded.kind).toBe('invalid');
    const { message } = decoded as { message: string };
    expect(message).toMatch(/^tasks\[0\]\.id: may contain only/);
    expect(message).toMatch(/\(and 2 more\)$/);
  });

  it('refuses unknown fields, a missing task list, an empty one and edges that are not edges', () => {
    expect(decodeClipboard(envelope({ extra: true }))).toEqual({ kind: 'invalid', message: 'extra: unknown field' });
    expect(decodeClipboard(JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1 }))).toEqual({ kind: 'invalid', message: 'tasks: required' });
    expect(decodeClipboard(envelope({ tasks: [] }))).toEqual({ kind: 'invalid', message: 'tasks: must have at least 1 item' });
    expect(decodeClipboard(envelope({ edges: [{ from: 'extract' }] }))).toEqual({ kind: 'invalid', message: 'edges[0].to: required' });
    expect(decodeClipboard(envelope({ version: '1' })).kind).toBe('invalid');
  });

  it('refuses two tasks with one id (the edges could not tell them apart)', () => {
    expect(decodeClipboard(envelope({ tasks: [task('a'), task('b'), task('a')] }))).toEqual({ kind: 'invalid', message: 'tasks[2].id: "a" is also the id of tasks[0]' });
  });

  it('takes an envelope without edges as one with none', () => {
    expect(decodeClipboard(JSON.stringify({ format: CLIPBOARD_FORMAT, version: 1, tasks: [task('a')] }))).toEqual({ kind: 'tasks', content: { tasks: [task('a')], edges: [] } });
  });
});

describe('what Paste pastes', () => {
  const own = (shared: boolean): OwnClipboard => ({ content: { tasks: [task('mine')], edges: [] }, text: 'own', shared });
  const other = encodeClipboard(content);

  it('tasks on the system clipboard, copied here or in another window', () => {
    expect(resolvePaste(other, own(true))).toEqual({ content, key: other });
    expect(resolvePaste(other, null)).toEqual({ content, key: other });
  });

  it('the app’s own copy when the system clipboard cannot be read, and nothing when there is none', () => {
    expect(resolvePaste(null, own(true))).toEqual({ content: own(true).content, key: 'own' });
    expect(resolvePaste(null, null)).toBeNull();
  });

  it('nothing, with a short notice, when the system clipboard holds newer text that is not tasks', () => {
    expect(resolvePaste('some words', own(true))).toEqual({ notice: { kind: 'info', text: 'Nothing to paste: the clipboard holds no dagstudio tasks.' } });
    expect(resolvePaste('some words', null)).toMatchObject({ notice: { kind: 'info' } });
  });

  it('the app’s own copy when it never reached the system clipboard, whatever text is there', () => {
    expect(resolvePaste('older words', own(false))).toEqual({ content: own(false).content, key: 'own' });
  });

  it('nothing, with an error notice, when the envelope is broken', () => {
    expect(resolvePaste(envelope({ tasks: 'none' }), own(true))).toEqual({ notice: { kind: 'error', text: 'Cannot paste these tasks: tasks: must be an array, got string.' } });
  });
});
