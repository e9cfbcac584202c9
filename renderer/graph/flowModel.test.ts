import { describe, expect, it } from 'vitest';
import type { Pipeline, Task } from '../../shared/pipeline/schema';
import { applyChange } from '../store/changes';
import { blankPipeline } from '../store/initialState';
import { buildFlow, FlowCache, groupNodeId, type FlowView } from './flowModel';
import { GROUP_HEADER, GROUP_PADDING, TASK_HEIGHT, TASK_WIDTH } from './geometry';

const task = (id: string, x: number, y: number, extra: Partial<Task> = {}): Task => ({ id, operator: 'bash', config: {}, position: { x, y }, ...extra });

const view = (extra: Partial<FlowView> = {}): FlowView => ({
  selectedTasks: new Set(),
  selectedGroups: new Set(),
  selectedEdges: new Set(),
  collapsedGroups: new Set(),
  measured: new Map(),
  ...extra,
});

const doc: Pipeline = {
  ...blankPipeline('p'),
  groups: [{ id: 'g', label: 'Data' }],
  tasks: [task('a', 0, 0), task('b', 300, 0, { group: 'g' }), task('c', 300, 200, { group: 'g' }), task('d', 600, 0)],
  edges: [
    { from: 'a', to: 'b' },
    { from: 'a', to: 'c' },
    { from: 'b', to: 'c' },
    { from: 'c', to: 'd' },
  ],
};

describe('buildFlow', () => {
  it('derives one node per task and one frame per group, framed around its members', () => {
    const flow = buildFlow(doc, view(), new FlowCache());
    expect(flow.nodes.map((n) => n.id)).toEqual(['group:g', 'a', 'b', 'c', 'd']);
    const frame = flow.nodes[0]!;
    expect(frame.position).toEqual({ x: 300 - GROUP_PADDING, y: 0 - GROUP_PADDING - GROUP_HEADER });
    expect(frame.width).toBe(TASK_WIDTH + 2 * GROUP_PADDING);
    expect(frame.height).toBe(200 + TASK_HEIGHT + 2 * GROUP_PADDING + GROUP_HEADER);
    expect(flow.edges.map((e) => e.id)).toEqual(['a->b', 'a->c', 'b->c', 'c->d']);
  });

  it('reuses every node object whose task did not change, so React Flow re-renders only the moved node', () => {
    const cache = new FlowCache();
    const first = buildFlow(doc, view(), cache);
    const moved = applyChange(doc, { type: 'move-tasks', positions: { d: { x: 700, y: 50 } } });
    const second = buildFlow(moved, view(), cache);
    expect(second.nodes[1]).toBe(first.nodes[1]);
    expect(second.nodes[2]).toBe(first.nodes[2]);
    expect(second.nodes[4]).not.toBe(first.nodes[4]);
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.edges[3]).toBe(first.edges[3]);
    // No edge changed: the very same list, so React Flow does not re-index every edge on each frame of a drag.
    expect(second.edges).toBe(first.edges);
  });

  it('marks selection on the nodes and edges it concerns only', () => {
    const cache = new FlowCache();
    const first = buildFlow(doc, view(), cache);
    const second = buildFlow(doc, view({ selectedTasks: new Set(['a']), selectedEdges: new Set(['b->c']) }), cache);
    expect(second.nodes[1]!.selected).toBe(true);
    expect(second.nodes[2]).toBe(first.nodes[2]);
    expect(second.edges[2]!.selected).toBe(true);
    expect(second.edges[0]).toBe(first.edges[0]);
  });

  it('folds a collapsed group into one node and reroutes its edges without duplicates or inner edges', () => {
    const flow = buildFlow(doc, view({ collapsedGroups: new Set(['g']) }), new FlowCache());
    expect(flow.nodes.map((n) => n.id)).toEqual(['group:g', 'a', 'd']);
    expect(flow.edges.map((e) => [e.source, e.target])).toEqual([
      ['a', 'group:g'],
      ['group:g', 'd'],
    ]);
    expect(flow.edgeSources.get('a->group:g')).toEqual([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
    ]);
    expect(flow.nodes[0]!.data).toMatchObject({ collapsed: true, count: 2, label: 'Data' });
  });

  it('frames a parent group around its sub-groups, and hides sub-groups of a collapsed parent', () => {
    const nested: Pipeline = {
      ...doc,
      groups: [{ id: 'outer' }, { id: 'g', parent: 'outer' }],
      tasks: doc.tasks.map((t) => (t.id === 'a' ? { ...t, group: 'outer' } : t)),
    };
    const flow = buildFlow(nested, view(), new FlowCache());
    const outer = flow.nodes.find((n) => n.id === groupNodeId('outer'))!;
    const inner = flow.nodes.find((n) => n.id === groupNodeId('g'))!;
    expect(outer.position.x).toBeLessThan(inner.position.x);
    expect(outer.position.y).toBeLessThan(inner.position.y);
    expect(outer.zIndex!).toBeLessThan(inner.zIndex!);
    const folded = buildFlow(nested, view({ collapsedGroups: new Set(['outer']) }), new FlowCache());
    expect(folded.nodes.map((n) => n.id)).toEqual(['group:outer', 'd']);
  });
});

describe('group frames during a drag', () => {
  it('draws the frozen frames instead of following the moved members, and follows them again once unfrozen', () => {
    const doc = {
      format: 'dagstudio/pipeline' as const,
      version: 1 as const,
      id: 'frozen',
      schedule: null,
      params: {},
      groups: [{ id: 'g' }],
      tasks: [
        { id: 'a', operator: 'empty', config: {}, position: { x: 0, y: 0 }, group: 'g' },
        { id: 'b', operator: 'empty', config: {}, position: { x: 300, y: 0 }, group: 'g' },
      ],
      edges: [],
    };
    const view = { selectedTasks: new Set<string>(), selectedGroups: new Set<string>(), selectedEdges: new Set<string>(), collapsedGroups: new Set<string>(), measured: new Map() };
    const before = buildFlow(doc, view, new FlowCache());
    const frame = before.frames.get('g')!;
    const moved = { ...doc, tasks: [doc.tasks[0]!, { ...doc.tasks[1]!, position: { x: 900, y: 400 } }] };
    const frozen = buildFlow(moved, { ...view, frozenFrames: before.frames }, new FlowCache());
    const groupNode = frozen.nodes.find((n) => n.type === 'group')!;
    expect(groupNode.position).toEqual({ x: frame.x, y: frame.y });
    expect(groupNode.width).toBe(frame.width);
    const after = buildFlow(moved, view, new FlowCache());
    expect(after.frames.get('g')!.width).toBeGreaterThan(frame.width);
  });
});
