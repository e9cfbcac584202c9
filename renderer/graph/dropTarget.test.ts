import { describe, expect, it } from 'vitest';
import type { Pipeline, Task } from '../../shared/pipeline/schema';
import { blankPipeline } from '../store/initialState';
import { dropTargets, groupAt, membershipAfterDrag } from './dropTarget';
import { buildFlow, FlowCache, type FlowView } from './flowModel';
import { COLLAPSED_HEIGHT, COLLAPSED_WIDTH, GROUP_HEADER, GROUP_PADDING, TASK_HEIGHT, TASK_WIDTH } from './geometry';

const task = (id: string, x: number, y: number, group?: string): Task => ({ id, operator: 'bash', config: {}, position: { x, y }, ...(group ? { group } : {}) });

const view = (collapsed: string[] = []): FlowView => ({
  selectedTasks: new Set(),
  selectedGroups: new Set(),
  selectedEdges: new Set(),
  collapsedGroups: new Set(collapsed),
  measured: new Map(),
});

/*
 * outer: a frame around `a` (0,0) and the frame of `inner`, which holds `b` (400,300).
 * side: a separate frame around `c` (1200,0). `free` (1200,600) is in no group.
 */
const doc: Pipeline = {
  ...blankPipeline('p'),
  groups: [{ id: 'outer' }, { id: 'inner', parent: 'outer' }, { id: 'side' }],
  tasks: [task('a', 0, 0, 'outer'), task('b', 400, 300, 'inner'), task('c', 1200, 0, 'side'), task('free', 1200, 600)],
};

const targetsOf = (d: Pipeline, collapsed: string[] = []) => dropTargets(buildFlow(d, view(collapsed), new FlowCache()).nodes);

describe('groupAt', () => {
  const targets = targetsOf(doc);

  it('finds the innermost frame under a point, the outer one around it, and nothing on empty canvas', () => {
    expect(groupAt({ x: 400 + 10, y: 300 + 10 }, targets)).toBe('inner');
    // Inside outer's frame but beside inner's: between `a` and `b`.
    expect(groupAt({ x: 300, y: 40 }, targets)).toBe('outer');
    expect(groupAt({ x: 1200 + 50, y: 30 }, targets)).toBe('side');
    expect(groupAt({ x: 900, y: 900 }, targets)).toBeUndefined();
  });

  it('counts the padding and the header as part of a frame, and nothing just outside them', () => {
    const top = 0 - GROUP_PADDING - GROUP_HEADER;
    expect(groupAt({ x: 1200, y: top + 1 }, targets)).toBe('side');
    expect(groupAt({ x: 1200, y: top - 1 }, targets)).toBeUndefined();
    expect(groupAt({ x: 1200 + TASK_WIDTH + GROUP_PADDING - 1, y: TASK_HEIGHT }, targets)).toBe('side');
    expect(groupAt({ x: 1200 + TASK_WIDTH + GROUP_PADDING + 1, y: TASK_HEIGHT }, targets)).toBeUndefined();
  });

  it('takes a collapsed group’s node as a target, and not the frames hidden inside it', () => {
    const collapsed = targetsOf(doc, ['outer']);
    expect(collapsed.map((t) => t.groupId)).toEqual(['outer', 'side']);
    const node = collapsed[0]!.rect;
    expect([node.width, node.height]).toEqual([COLLAPSED_WIDTH, COLLAPSED_HEIGHT]);
    expect(groupAt({ x: node.x + 5, y: node.y + 5 }, collapsed)).toBe('outer');
    // Where the inner frame was drawn before collapsing is now empty canvas.
    expect(groupAt({ x: 400 + 10, y: 300 + 10 }, collapsed)).toBeUndefined();
  });

  it('prefers a collapsed sub-group over the expanded frame it sits in', () => {
    const targets = targetsOf(doc, ['inner']);
    const inner = targets.find((t) => t.groupId === 'inner')!.rect;
    expect(groupAt({ x: inner.x + 5, y: inner.y + 5 }, targets)).toBe('inner');
  });

  it('gives an overlap of two sibling frames to the one drawn last', () => {
    const overlapping: Pipeline = { ...blankPipeline('p'), groups: [{ id: 'x' }, { id: 'y' }], tasks: [task('p', 0, 0, 'x'), task('q', 100, 20, 'y')] };
    expect(groupAt({ x: 150, y: 40 }, targetsOf(overlapping))).toBe('y');
  });
});

describe('membershipAfterDrag', () => {
  const targets = targetsOf(doc);
  const onFree = { x: 1300, y: 630 };
  const inOuter = { x: 300, y: 40 };
  const inInner = { x: 500, y: 330 };
  const onEmpty = { x: 900, y: 900 };

  it('puts a task dropped onto a frame into that group', () => {
    expect(membershipAfterDrag([{ id: 'free', group: undefined }], onFree, inInner, targets)).toEqual({ taskIds: ['free'], group: 'inner' });
    expect(membershipAfterDrag([{ id: 'free', group: undefined }], onFree, inOuter, targets)).toEqual({ taskIds: ['free'], group: 'outer' });
  });

  it('takes a task dragged out of its frame onto empty canvas out of its group', () => {
    expect(membershipAfterDrag([{ id: 'b', group: 'inner' }], inInner, onEmpty, targets)).toEqual({ taskIds: ['b'], group: undefined });
  });

  it('moves a task from a sub-group up into the group around it', () => {
    expect(membershipAfterDrag([{ id: 'b', group: 'inner' }], inInner, inOuter, targets)).toEqual({ taskIds: ['b'], group: 'outer' });
  });

  it('leaves membership alone when the drag starts and ends in the same area', () => {
    expect(membershipAfterDrag([{ id: 'b', group: 'inner' }], inInner, { x: inInner.x + 40, y: inInner.y + 10 }, targets)).toBeNull();
    // `free` is in no group, but a drag that begins and ends inside outer's frame does not pull it in.
    expect(membershipAfterDrag([{ id: 'free', group: undefined }], inOuter, { x: inOuter.x + 30, y: inOuter.y }, targets)).toBeNull();
    expect(membershipAfterDrag([{ id: 'free', group: undefined }], onFree, onEmpty, targets)).toBeNull();
  });

  it('moves a whole multi-selection into the group under the pointer, skipping tasks already in it', () => {
    const dragged = [
      { id: 'free', group: undefined },
      { id: 'a', group: 'outer' },
      { id: 'b', group: 'inner' },
    ];
    expect(membershipAfterDrag(dragged, onFree, { x: 1250, y: 20 }, targets)).toEqual({ taskIds: ['free', 'a', 'b'], group: 'side' });
    expect(membershipAfterDrag(dragged, onFree, inInner, targets)).toEqual({ taskIds: ['free', 'a'], group: 'inner' });
  });

  it('drops into a collapsed group when the pointer ends on its node', () => {
    const collapsed = targetsOf(doc, ['side']);
    const side = collapsed.find((t) => t.groupId === 'side')!.rect;
    expect(membershipAfterDrag([{ id: 'free', group: undefined }], onFree, { x: side.x + 10, y: side.y + 10 }, collapsed)).toEqual({ taskIds: ['free'], group: 'side' });
  });
});
