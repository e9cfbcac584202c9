import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../shared/pipeline/schema';
import { applyChange } from '../store/changes';
import { blankPipeline } from '../store/initialState';
import { onlyMoved } from './useProblems';

const doc: Pipeline = {
  ...blankPipeline('p'),
  tasks: [
    { id: 'a', operator: 'bash', config: { command: 'x' }, position: { x: 0, y: 0 } },
    { id: 'b', operator: 'bash', config: {}, position: { x: 0, y: 0 } },
  ],
};

describe('onlyMoved', () => {
  it('is true for a drag, so the problems of the last check are kept', () => {
    expect(onlyMoved(doc, applyChange(doc, { type: 'move-tasks', positions: { a: { x: 5, y: 5 } } }))).toBe(true);
  });

  it('is false for any edit that a rule could see', () => {
    expect(onlyMoved(doc, applyChange(doc, { type: 'set-config', taskId: 'b', key: 'command', value: 'y' }))).toBe(false);
    expect(onlyMoved(doc, applyChange(doc, { type: 'set-task-settings', taskId: 'a', patch: { retries: 2 } }))).toBe(false);
    expect(onlyMoved(doc, applyChange(doc, { type: 'rename-task', from: 'a', to: 'c' }))).toBe(false);
    expect(onlyMoved(doc, applyChange(doc, { type: 'connect', edge: { from: 'a', to: 'b' } }))).toBe(false);
    expect(onlyMoved(doc, applyChange(doc, { type: 'set-pipeline', patch: { schedule: 'nope' } }))).toBe(false);
  });
});
