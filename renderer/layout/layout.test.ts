import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import type { Pipeline, Task } from '../../shared/pipeline/schema';
import { blankPipeline } from '../store/initialState';
import { groupFrames } from '../graph/flowModel';
import { layoutPipeline } from './layout';

const task = (id: string, extra: Partial<Task> = {}): Task => ({ id, operator: 'bash', config: {}, position: { x: 0, y: 0 }, ...extra });

const doc: Pipeline = {
  ...blankPipeline('p'),
  groups: [{ id: 'g' }],
  tasks: [task('a'), task('b', { group: 'g' }), task('c', { group: 'g' }), task('d')],
  edges: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'c' },
    { from: 'c', to: 'd' },
  ],
};

describe('auto layout', () => {
  it('lays tasks out left to right in edge order, on the grid, without overlapping', async () => {
    const positions = await layoutPipeline(new ELK(), doc, new Map());
    const x = (id: string) => positions[id]!.x;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    expect(x('c')).toBeLessThan(x('d'));
    for (const p of Object.values(positions)) {
      expect(p.x % 16).toBe(0);
      expect(p.y % 16).toBe(0);
    }
  });

  it('keeps the graph where it was and keeps non-members out of a group frame', async () => {
    const moved: Pipeline = { ...doc, tasks: doc.tasks.map((t) => ({ ...t, position: { x: 480, y: 320 } })) };
    const positions = await layoutPipeline(new ELK(), moved, new Map());
    expect(Math.min(...Object.values(positions).map((p) => p.x))).toBe(480);
    const laidOut: Pipeline = { ...moved, tasks: moved.tasks.map((t) => ({ ...t, position: positions[t.id]! })) };
    const frame = groupFrames(laidOut, new Map()).get('g')!;
    for (const id of ['a', 'd']) {
      const p = positions[id]!;
      const inside = p.x >= frame.x && p.x <= frame.x + frame.width && p.y >= frame.y && p.y <= frame.y + frame.height;
      expect(inside, `${id} must be outside the frame of g`).toBe(false);
    }
  });
});
