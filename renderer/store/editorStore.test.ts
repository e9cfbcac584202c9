import { describe, expect, it } from 'vitest';
import type { Task } from '../../shared/pipeline/schema';
import { canRedo, canUndo, createEditorStore, isDirty } from './editorStore';
import { blankPipeline, initialEditorState } from './initialState';

const task = (id: string): Task => ({ id, operator: 'bash', config: {}, position: { x: 0, y: 0 } });

function store() {
  let clock = 0;
  const s = createEditorStore(initialEditorState(blankPipeline('p')), () => clock);
  return { s, tick: (ms: number) => (clock += ms) };
}

describe('editor store', () => {
  it('is clean until edited, dirty after, and clean again when undone back to the saved document', () => {
    const { s } = store();
    expect(isDirty(s.getState())).toBe(false);
    s.getState().edit({ type: 'add-tasks', tasks: [task('a')] });
    expect(isDirty(s.getState())).toBe(true);
    s.getState().undo();
    expect(isDirty(s.getState())).toBe(false);
    expect(canRedo(s.getState())).toBe(true);
  });

  it('undoes a burst of typing in one field as one step', () => {
    const { s, tick } = store();
    s.getState().edit({ type: 'add-tasks', tasks: [task('a')] });
    for (const text of ['e', 'ec', 'ech', 'echo']) {
      tick(200);
      s.getState().edit({ type: 'set-config', taskId: 'a', key: 'command', value: text }, { key: 'config:a:command', windowMs: 1000 });
    }
    expect(s.getState().tasksById.get('a')!.config.command).toBe('echo');
    s.getState().undo();
    expect(s.getState().tasksById.get('a')!.config).toEqual({});
    s.getState().redo();
    expect(s.getState().tasksById.get('a')!.config.command).toBe('echo');
  });

  it('keeps the task index in step with the document and drops selection of removed tasks', () => {
    const { s } = store();
    s.getState().edit({ type: 'add-tasks', tasks: [task('a'), task('b')] });
    s.getState().select({ tasks: ['a', 'b'] });
    s.getState().edit({ type: 'remove', taskIds: ['a'], edges: [] });
    expect([...s.getState().tasksById.keys()]).toEqual(['b']);
    expect([...s.getState().selectedTasks]).toEqual(['b']);
  });

  it('keeps the task index right through moves, undo, redo and a rename', () => {
    const { s } = store();
    s.getState().edit({ type: 'add-tasks', tasks: [task('a'), task('b')] });
    s.getState().edit({ type: 'move-tasks', positions: { b: { x: 32, y: 48 } } });
    expect(s.getState().tasksById.get('b')!.position).toEqual({ x: 32, y: 48 });
    s.getState().undo();
    expect(s.getState().tasksById.get('b')!.position).toEqual({ x: 0, y: 0 });
    s.getState().redo();
    expect(s.getState().tasksById.get('b')).toBe(s.getState().doc.tasks[1]);
    s.getState().edit({ type: 'rename-task', from: 'b', to: 'c' });
    expect([...s.getState().tasksById.keys()].sort()).toEqual(['a', 'c']);
  });

  it('follows a renamed task with the selection', () => {
    const { s } = store();
    s.getState().edit({ type: 'add-tasks', tasks: [task('a')] });
    s.getState().select({ tasks: ['a'] });
    s.getState().edit({ type: 'rename-task', from: 'a', to: 'extract' });
    expect([...s.getState().selectedTasks]).toEqual(['extract']);
  });

  it('turns a refused change into a notice and leaves the document and history alone', () => {
    const { s } = store();
    s.getState().edit({ type: 'add-tasks', tasks: [task('a'), task('b')] });
    const before = s.getState().doc;
    expect(s.getState().edit({ type: 'rename-task', from: 'a', to: 'b' })).toBe(false);
    expect(s.getState().doc).toBe(before);
    expect(s.getState().notice).toMatchObject({ kind: 'error', text: 'a task named "b" already exists' });
    expect(s.getState().history.past).toHaveLength(1);
  });

  it('starts a fresh history when another document is loaded', () => {
    const { s } = store();
    s.getState().edit({ type: 'add-tasks', tasks: [task('a')] });
    s.getState().load(blankPipeline('other'), '/tmp/other.dag.json', true);
    expect(canUndo(s.getState())).toBe(false);
    expect(isDirty(s.getState())).toBe(false);
    expect(s.getState().filePath).toBe('/tmp/other.dag.json');
  });

  it('an imported document is dirty until saved', () => {
    const { s } = store();
    s.getState().load(blankPipeline('imported'), null, false);
    expect(isDirty(s.getState())).toBe(true);
    s.getState().markSaved(s.getState().doc, '/x.dag.json');
    expect(isDirty(s.getState())).toBe(false);
  });
});
