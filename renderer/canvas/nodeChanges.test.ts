import { describe, expect, it } from 'vitest';
import type { Pipeline, Task } from '../../shared/pipeline/schema';
import { blankPipeline } from '../store/initialState';
import { groupFrames } from '../graph/flowModel';
import { interpretNodeChanges } from './nodeChanges';

const task = (id: string, x: number, y: number, group?: string): Task => ({ id, operator: 'bash', config: {}, position: { x, y }, ...(group ? { group } : {}) });

const doc: Pipeline = {
  ...blankPipeline('p'),
  groups: [{ id: 'outer' }, { id: 'inner', parent: 'outer' }],
  tasks: [task('a', 0, 0, 'inner'), task('b', 300, 0, 'outer'), task('c', 600, 0)],
};

describe('interpretNodeChanges', () => {
  it('moves a dragged task to where React Flow put it', () => {
    const effects = interpretNodeChanges([{ type: 'position', id: 'c', position: { x: 640, y: 32 }, dragging: true }], doc, groupFrames(doc, new Map()));
    expect(effects.positions).toEqual({ c: { x: 640, y: 32 } });
    expect(effects.dragEnded).toBe(false);
  });

  it('moves every task inside a dragged group frame, sub-groups included, by the frame’s offset', () => {
    const frames = groupFrames(doc, new Map());
    const outer = frames.get('outer')!;
    const effects = interpretNodeChanges([{ type: 'position', id: 'group:outer', position: { x: outer.x + 16, y: outer.y + 32 }, dragging: false }], doc, frames);
    expect(effects.positions).toEqual({ a: { x: 16, y: 32 }, b: { x: 316, y: 32 } });
    expect(effects.dragEnded).toBe(true);
  });

  it('moves a task that is dragged together with its group only once', () => {
    const frames = groupFrames(doc, new Map());
    const inner = frames.get('inner')!;
    const effects = interpretNodeChanges(
      [
        { type: 'position', id: 'group:inner', position: { x: inner.x + 16, y: inner.y }, dragging: true },
        { type: 'position', id: 'a', position: { x: 16, y: 0 }, dragging: true },
      ],
      doc,
      frames,
    );
    expect(effects.positions).toEqual({ a: { x: 16, y: 0 } });
  });

  it('sorts selection changes into tasks and groups, and keeps measured task sizes', () => {
    const effects = interpretNodeChanges(
      [
        { type: 'select', id: 'group:inner', selected: true },
        { type: 'select', id: 'a', selected: false },
        { type: 'dimensions', id: 'a', dimensions: { width: 224, height: 60 } },
        { type: 'dimensions', id: 'group:inner', dimensions: { width: 500, height: 200 } },
      ],
      doc,
      new Map(),
    );
    expect(effects.select).toEqual([
      { kind: 'groups', id: 'inner', selected: true },
      { kind: 'tasks', id: 'a', selected: false },
    ]);
    expect(effects.measured).toEqual([['a', { width: 224, height: 60 }]]);
  });
});
