import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildGraph,
  downstreamClosure,
  downstreamMap,
  findCycle,
  findCycles,
  type GraphEdge,
  graphOf,
  leaves,
  roots,
  topologicalOrder,
  upstreamClosure,
  upstreamMap,
} from './graph';

const edges = (...pairs: string[]): GraphEdge[] =>
  pairs.map((pair) => {
    const [from, to] = pair.split('>');
    return { from: from!, to: to! };
  });

/* ---------------------------------------------------------------- random graphs */

interface RandomGraph {
  ids: string[];
  edges: GraphEdge[];
}

/** A random DAG: nodes get a hidden rank, edges only go up in rank; file order and edge order are shuffled. */
const randomDag = fc
  .integer({ min: 0, max: 25 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      fileOrder: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      pairs: fc.array(fc.tuple(fc.nat(n), fc.nat(n)), { maxLength: n * 3 }),
    }),
  )
  .map(({ n, fileOrder, pairs }): RandomGraph => {
    const name = (rank: number) => `t${rank}`;
    const list: GraphEdge[] = [];
    for (const [a, b] of pairs) {
      const [x, y] = [a % Math.max(n, 1), b % Math.max(n, 1)];
      if (x < y) list.push({ from: name(x), to: name(y) });
    }
    return { ids: fileOrder.map(name), edges: list };
  });

/** Any directed graph, cycles and self-loops allowed. */
const randomGraph = fc
  .integer({ min: 1, max: 15 })
  .chain((n) => fc.record({ n: fc.constant(n), pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 2 }) }))
  .map(({ n, pairs }): RandomGraph => ({ ids: [...Array(n).keys()].map((i) => `t${i}`), edges: pairs.map(([a, b]) => ({ from: `t${a}`, to: `t${b}` })) }));

/** Brute force: who reaches whom, by repeated relaxation until nothing changes. */
function reachability(g: RandomGraph): Map<string, Set<string>> {
  const reach = new Map(g.ids.map((id) => [id, new Set<string>()]));
  for (const e of g.edges) reach.get(e.from)!.add(e.to);
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of g.ids) {
      for (const via of [...reach.get(id)!]) {
        for (const next of reach.get(via)!) {
          if (!reach.get(id)!.has(next)) {
            reach.get(id)!.add(next);
            changed = true;
          }
        }
      }
    }
  }
  return reach;
}

const inFileOrder = (g: RandomGraph, set: Set<string>) => g.ids.filter((id) => set.has(id));

function isRealCycle(g: RandomGraph, cycle: string[]): boolean {
  const has = new Set(g.edges.map((e) => `${e.from}>${e.to}`));
  if (cycle.length === 0 || new Set(cycle).size !== cycle.length) return false;
  return cycle.every((node, i) => has.has(`${node}>${cycle[(i + 1) % cycle.length]}`));
}

/* ---------------------------------------------------------------- properties */

describe('graph properties on random DAGs', () => {
  it('the topological order holds every task once and respects every edge', () => {
    fc.assert(
      fc.property(randomDag, (g) => {
        const result = topologicalOrder(buildGraph(g.ids, g.edges));
        if (!result.ok) throw new Error('a DAG has no cycle');
        expect([...result.order].sort()).toEqual([...g.ids].sort());
        const position = new Map(result.order.map((id, i) => [id, i]));
        for (const e of g.edges) expect(position.get(e.from)!).toBeLessThan(position.get(e.to)!);
      }),
      { numRuns: 300 },
    );
  });

  it('the topological order keeps the file order when the file already respects the edges', () => {
    fc.assert(
      fc.property(randomDag, (g) => {
        const sortedFile = [...g.ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
        const result = topologicalOrder(buildGraph(sortedFile, g.edges));
        expect(result).toEqual({ ok: true, order: sortedFile });
      }),
    );
  });

  it('upstream and downstream closures match a brute-force reference', () => {
    fc.assert(
      fc.property(randomDag, fc.nat(), (g, pick) => {
        const graph = buildGraph(g.ids, g.edges);
        const reach = reachability(g);
        for (const id of g.ids) {
          expect(downstreamClosure(graph, id)).toEqual(inFileOrder(g, reach.get(id)!));
          const ancestors = new Set(g.ids.filter((other) => reach.get(other)!.has(id)));
          expect(upstreamClosure(graph, id)).toEqual(inFileOrder(g, ancestors));
        }
        if (g.ids.length > 1) {
          const some = [g.ids[pick % g.ids.length]!, g.ids[(pick + 1) % g.ids.length]!];
          const union = new Set([...reach.get(some[0]!)!, ...reach.get(some[1]!)!]);
          expect(downstreamClosure(graph, some)).toEqual(inFileOrder(g, union));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('roots, leaves and the direct maps match the edges', () => {
    fc.assert(
      fc.property(randomDag, (g) => {
        const graph = buildGraph(g.ids, g.edges);
        const hasUp = new Set(g.edges.map((e) => e.to));
        const hasDown = new Set(g.edges.map((e) => e.from));
        expect(roots(graph)).toEqual(g.ids.filter((id) => !hasUp.has(id)));
        expect(leaves(graph)).toEqual(g.ids.filter((id) => !hasDown.has(id)));
        const ups = upstreamMap(graph);
        const downs = downstreamMap(graph);
        for (const id of g.ids) {
          expect(ups.get(id)).toEqual(inFileOrder(g, new Set(g.edges.filter((e) => e.to === id).map((e) => e.from))));
          expect(downs.get(id)).toEqual(inFileOrder(g, new Set(g.edges.filter((e) => e.from === id).map((e) => e.to))));
        }
      }),
    );
  });

  it('a DAG has no cycle, and an injected back edge yields a real one', () => {
    fc.assert(
      fc.property(randomDag, fc.nat(), (g, pick) => {
        expect(findCycle(buildGraph(g.ids, g.edges))).toBeUndefined();
        if (g.edges.length === 0) return;
        const reach = reachability(g);
        const pairs = g.ids.flatMap((from) => [...reach.get(from)!].map((to) => ({ from, to })));
        const { from, to } = pairs[pick % pairs.length]!;
        const withBackEdge = { ids: g.ids, edges: [...g.edges, { from: to, to: from }] };
        const result = topologicalOrder(buildGraph(withBackEdge.ids, withBackEdge.edges));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('cycle');
        expect(isRealCycle(withBackEdge, result.error.nodes)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on any graph, cycles are found exactly when some task reaches itself, and each is real', () => {
    fc.assert(
      fc.property(randomGraph, (g) => {
        const reach = reachability(g);
        const cyclic = g.ids.some((id) => reach.get(id)!.has(id));
        const cycles = findCycles(buildGraph(g.ids, g.edges));
        expect(cycles.length > 0).toBe(cyclic);
        for (const cycle of cycles) expect(isRealCycle(g, cycle)).toBe(true);
        // One per tangle: no task is in two reported cycles.
        const all = cycles.flat();
        expect(new Set(all).size).toBe(all.length);
        expect(topologicalOrder(buildGraph(g.ids, g.edges)).ok).toBe(!cyclic);
      }),
      { numRuns: 300 },
    );
  });
});

/* ---------------------------------------------------------------- examples */

describe('graph examples', () => {
  it('names a cycle from its earliest task in the file, following the edges', () => {
    const graph = buildGraph(['x', 'a', 'b', 'c'], edges('x>a', 'b>c', 'c>a', 'a>b'));
    expect(topologicalOrder(graph)).toEqual({ ok: false, error: { code: 'cycle', nodes: ['a', 'b', 'c'] } });
  });

  it('reports a self-loop as a cycle of one', () => {
    expect(findCycles(buildGraph(['a', 'b'], edges('a>b', 'b>b')))).toEqual([['b']]);
  });

  it('places each task after its upstream tasks, as early as the file allows', () => {
    const graph = buildGraph(['deploy', 'fetch', 'train', 'notify'], edges('fetch>train', 'train>deploy'));
    expect(topologicalOrder(graph)).toEqual({ ok: true, order: ['fetch', 'train', 'deploy', 'notify'] });
  });

  it('ignores repeated edges and edges to unknown tasks', () => {
    const graph = buildGraph(['a', 'b'], edges('a>b', 'a>b', 'a>zz', 'zz>b'));
    expect(downstreamMap(graph)).toEqual(
      new Map([
        ['a', ['b']],
        ['b', []],
      ]),
    );
  });

  it('builds from a pipeline and ignores unknown ids in closures', () => {
    const graph = graphOf({ tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], edges: edges('a>b', 'b>c') });
    expect(downstreamClosure(graph, ['a', 'nope'])).toEqual(['b', 'c']);
    expect(upstreamClosure(graph, 'c')).toEqual(['a', 'b']);
  });

  it('handles a chain of 100,000 tasks without running out of stack', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `t${i}`);
    const chain = ids.slice(1).map((id, i) => ({ from: ids[i]!, to: id }));
    const graph = buildGraph([...ids].reverse(), chain);
    const result = topologicalOrder(graph);
    expect(result.ok && result.order[0]).toBe('t0');
    expect(findCycles(buildGraph(ids, [...chain, { from: 't99999', to: 't0' }]))[0]).toHaveLength(100_000);
  });
});
