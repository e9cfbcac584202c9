import { describe, expect, it } from 'vitest';
import type { Pipeline, Task } from '../../shared/pipeline/schema';
import { applyChange } from './changes';
import { blankPipeline } from './initialState';

const task = (id: string, extra: Partial<Task> = {}): Task => ({ id, operator: 'bash', config: { command: 'echo ' + id }, position: { x: 0, y: 0 }, ...extra });

function doc(): Pipeline {
  return {
    ...blankPipeline('p'),
    groups: [{ id: 'outer' }, { id: 'inner', parent: 'outer' }],
    tasks: [task('a'), task('b', { group: 'inner' }), task('c', { group: 'outer' })],
    edges: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ],
  };
}

describe('applyChange', () => {
  it('returns the same document when a change changes nothing, so no-op edits never reach the history', () => {
    const d = doc();
    expect(applyChange(d, { type: 'move-tasks', positions: { a: { x: 0, y: 0 } } })).toBe(d);
    expect(applyChange(d, { type: 'connect', edge: { from: 'a', to: 'b' } })).toBe(d);
    expect(applyChange(d, { type: 'set-config', taskId: 'a', key: 'command', value: 'echo a' })).toBe(d);
    expect(applyChange(d, { type: 'set-task-settings', taskId: 'a', patch: { retries: undefined } })).toBe(d);
  });

  it('shares every untouched task with the previous document', () => {
    const d = doc();
    const next = applyChange(d, { type: 'move-tasks', positions: { b: { x: 10, y: 20 } } });
    expect(next.tasks[1]!.position).toEqual({ x: 10, y: 20 });
    expect(next.tasks[0]).toBe(d.tasks[0]);
    expect(next.tasks[2]).toBe(d.tasks[2]);
    expect(next.edges).toBe(d.edges);
  });

  it('removes tasks together with every edge that touches them', () => {
    const next = applyChange(doc(), { type: 'remove', taskIds: ['b'], edges: [] });
    expect(next.tasks.map((t) => t.id)).toEqual(['a', 'c']);
    expect(next.edges).toEqual([]);
  });

  it('removes only the chosen edges', () => {
    const next = applyChange(doc(), { type: 'remove', taskIds: [], edges: [{ from: 'a', to: 'b' }] });
    expect(next.edges).toEqual([{ from: 'b', to: 'c' }]);
  });

  it('renames a task and rewrites every edge that names it', () => {
    const next = applyChange(doc(), { type: 'rename-task', from: 'b', to: 'train' });
    expect(next.tasks.map((t) => t.id)).toEqual(['a', 'train', 'c']);
    expect(next.edges).toEqual([
      { from: 'a', to: 'train' },
      { from: 'train', to: 'c' },
    ]);
  });

  it('refuses to rename a task onto an existing id', () => {
    expect(() => applyChange(doc(), { type: 'rename-task', from: 'a', to: 'c' })).toThrow('a task named "c" already exists');
  });

  it('refuses to add a task whose id is taken', () => {
    expect(() => applyChange(doc(), { type: 'add-tasks', tasks: [task('a')] })).toThrow('already exists');
  });

  it('adds pasted tasks with their internal edges', () => {
    const next = applyChange(doc(), { type: 'add-tasks', tasks: [task('x'), task('y')], edges: [{ from: 'x', to: 'y' }] });
    expect(next.tasks.map((t) => t.id)).toEqual(['a', 'b', 'c', 'x', 'y']);
    expect(next.edges).toContainEqual({ from: 'x', to: 'y' });
  });

  it('removes a config key when its value is set to undefined', () => {
    const next = applyChange(doc(), { type: 'set-config', taskId: 'a', key: 'command', value: undefined });
    expect(next.tasks[0]!.config).toEqual({});
  });

  it('drops a task setting instead of writing an empty one', () => {
    const d = applyChange(doc(), { type: 'set-task-settings', taskId: 'a', patch: { retries: 3, note: 'hello' } });
    expect(d.tasks[0]).toMatchObject({ retries: 3, note: 'hello' });
    const cleared = applyChange(d, { type: 'set-task-settings', taskId: 'a', patch: { note: undefined } });
    expect('note' in cleared.tasks[0]!).toBe(false);
  });

  it('refuses a self-loop and a duplicate edge by leaving the document as it is', () => {
    const d = doc();
    expect(applyChange(d, { type: 'connect', edge: { from: 'a', to: 'a' } })).toBe(d);
    expect(applyChange(d, { type: 'connect', edge: { from: 'a', to: 'b' } })).toBe(d);
  });

  it('creates a group from a selection inside the group the tasks share', () => {
    const next = applyChange(doc(), { type: 'create-group', group: { id: 'g', parent: 'outer' }, taskIds: ['c'] });
    expect(next.groups).toContainEqual({ id: 'g', parent: 'outer' });
    expect(next.tasks[2]!.group).toBe('g');
  });

  it('ungroups into the parent group: tasks and sub-groups move up one level', () => {
    const next = applyChange(doc(), { type: 'ungroup', groupId: 'outer' });
    expect(next.groups).toEqual([{ id: 'inner' }]);
    expect(next.tasks.find((t) => t.id === 'c')).not.toHaveProperty('group');
    expect(next.tasks.find((t) => t.id === 'b')!.group).toBe('inner');
  });

  it('moves tasks in and out of groups, and refuses a group that does not exist', () => {
    const inside = applyChange(doc(), { type: 'set-groups', taskIds: ['a'], group: 'inner' });
    expect(inside.tasks[0]!.group).toBe('inner');
    const out = applyChange(inside, { type: 'set-groups', taskIds: ['a'], group: undefined });
    expect(out.tasks[0]).not.toHaveProperty('group');
    expect(() => applyChange(doc(), { type: 'set-groups', taskIds: ['a'], group: 'nope' })).toThrow('there is no group "nope"');
  });

  it('renames a group label and clears it when emptied', () => {
    const named = applyChange(doc(), { type: 'rename-group', groupId: 'inner', label: 'Training' });
    expect(named.groups[1]).toEqual({ id: 'inner', parent: 'outer', label: 'Training' });
    expect(applyChange(named, { type: 'rename-group', groupId: 'inner', label: '' }).groups[1]).toEqual({ id: 'inner', parent: 'outer' });
  });

  it('removing a group through a delete keeps its tasks', () => {
    const next = applyChange(doc(), { type: 'remove', taskIds: [], edges: [], groupIds: ['inner'] });
    expect(next.tasks).toHaveLength(3);
    expect(next.tasks[1]!.group).toBe('outer');
  });

  it('patches pipeline settings and removes cleared optional ones', () => {
    const next = applyChange(doc(), { type: 'set-pipeline', patch: { title: 'T', schedule: '@daily' } });
    expect(next).toMatchObject({ title: 'T', schedule: '@daily' });
    expect(applyChange(next, { type: 'set-pipeline', patch: { title: undefined } })).not.toHaveProperty('title');
  });
});
