import { describe, expect, it } from 'vitest';
import type { Pipeline, Task } from '../../shared/pipeline/schema';
import { copySelection, preparePaste } from './clipboard';
import { blankPipeline } from './initialState';

const task = (id: string, extra: Partial<Task> = {}): Task => ({ id, operator: 'bash', config: { command: 'x' }, position: { x: 0, y: 0 }, ...extra });

const doc: Pipeline = {
  ...blankPipeline('p'),
  groups: [{ id: 'g' }],
  tasks: [task('extract', { group: 'g' }), task('load'), task('report')],
  edges: [
    { from: 'extract', to: 'load' },
    { from: 'load', to: 'report' },
  ],
};

describe('copy and paste', () => {
  it('copies the selected tasks with only the edges between them', () => {
    const content = copySelection(doc, new Set(['extract', 'load']))!;
    expect(content.tasks.map((t) => t.id)).toEqual(['extract', 'load']);
    expect(content.edges).toEqual([{ from: 'extract', to: 'load' }]);
  });

  it('gives pasted tasks unique ids and keeps their internal edges on the new ids', () => {
    const content = copySelection(doc, new Set(['extract', 'load']))!;
    const paste = preparePaste(doc, content, { x: 40, y: 40 });
    expect(paste.tasks.map((t) => t.id)).toEqual(['extract_2', 'load_2']);
    expect(paste.edges).toEqual([{ from: 'extract_2', to: 'load_2' }]);
    expect(paste.tasks[0]!.position).toEqual({ x: 40, y: 40 });
    expect(paste.tasks[0]!.group).toBe('g');
  });

  it('pasting a copy of a copy counts up instead of stacking suffixes', () => {
    const withCopy: Pipeline = { ...doc, tasks: [...doc.tasks, task('load_2')] };
    const paste = preparePaste(withCopy, copySelection(withCopy, new Set(['load_2']))!, { x: 0, y: 0 });
    expect(paste.tasks[0]!.id).toBe('load_3');
  });

  it('drops the group of a pasted task when the target pipeline has no such group', () => {
    const other = blankPipeline('other');
    const paste = preparePaste(other, copySelection(doc, new Set(['extract']))!, { x: 0, y: 0 });
    expect(paste.tasks[0]).not.toHaveProperty('group');
    expect(paste.tasks[0]!.id).toBe('extract');
  });

  it('deep-copies config so editing the paste never edits the original', () => {
    const paste = preparePaste(doc, copySelection(doc, new Set(['load']))!, { x: 0, y: 0 });
    expect(paste.tasks[0]!.config).toEqual(doc.tasks[1]!.config);
    expect(paste.tasks[0]!.config).not.toBe(doc.tasks[1]!.config);
  });

  it('copies nothing when nothing is selected', () => {
    expect(copySelection(doc, new Set())).toBeNull();
  });
});
