/**
 * The task graph: pure functions over task ids and edges, each linear in tasks + edges.
 * Results come in file order (the order of `ids`), so everything built on them is deterministic.
 */

export interface GraphEdge {
  from: string;
  to: string;
}

export interface TaskGraph {
  /** Task ids in file order; a node is addressed by its position here. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Direct downstream nodes of each node, in file order, without duplicates. */
  readonly downstream: readonly (readonly number[])[];
  /** Direct upstream nodes of each node, in file order, without duplicates. */
  readonly upstream: readonly (readonly number[])[];
}

export type GraphError = { code: 'cycle'; nodes: string[] };

export type TopologicalResult = { ok: true; order: string[] } | { ok: false; error: GraphError };

/**
 * Builds the graph. Edges naming an unknown task are left out (validation reports them), and a
 * repeated edge counts once. The first occurrence of a repeated id wins.
 */
export function buildGraph(ids: readonly string[], edges: Iterable<GraphEdge>): TaskGraph {
  const indexOf = indexIds(ids);
  const from: number[] = [];
  const to: number[] = [];
  for (const edge of edges) {
    const f = indexOf.get(edge.from);
    const t = indexOf.get(edge.to);
    if (f === undefined || t === undefined) continue;
    from.push(f);
    to.push(t);
  }
  return graphFromIndexes(ids, indexOf, from, to);
}

/** Builds the graph from edges already given as positions in `ids` (`from[k]` → `to[k]`), for callers that resolved the ids anyway. */
export function buildGraphFromIndexes(ids: readonly string[], from: ArrayLike<number>, to: ArrayLike<number>): TaskGraph {
  return graphFromIndexes(ids, indexIds(ids), from, to);
}

function indexIds(ids: readonly string[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!indexOf.has(id)) indexOf.set(id, i);
  });
  return indexOf;
}

function graphFromIndexes(ids: readonly string[], indexOf: Map<string, number>, from: ArrayLike<number>, to: ArrayLike<number>): TaskGraph {
  const n = ids.length;
  // Group the edges by their upstream task (a counting sort into flat arrays: no hashing, no sorting).
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[from[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, n);
  const targets = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) targets[next[from[k]!]!++] = to[k]!;
  // Upstream lists fill in file order of the upstream task; `mark` drops a repeated edge.
  const mark = new Int32Array(n).fill(-1);
  const upstream: number[][] = Array.from({ length: n }, () => []);
  for (let f = 0; f < n; f++) {
    for (let j = start[f]!; j < start[f + 1]!; j++) {
      const t = targets[j]!;
      if (mark[t] === f) continue;
      mark[t] = f;
      upstream[t]!.push(f);
    }
  }
  const downstream: number[][] = Array.from({ length: n }, () => []);
  for (let t = 0; t < n; t++) for (const f of upstream[t]!) downstream[f]!.push(t);
  return { ids, indexOf, downstream, upstream };
}

/** The graph of a pipeline (anything with `tasks[].id` and `edges`). */
export function graphOf(pipeline: { tasks: readonly { id: string }[]; edges: readonly GraphEdge[] }): TaskGraph {
  return buildGraph(
    pipeline.tasks.map((t) => t.id),
    pipeline.edges,
  );
}

/**
 * A topological order, stable with respect to the file: tasks are taken in file order and each is
 * placed right after its not-yet-placed upstream tasks (themselves in file order). A file whose
 * tasks already respect the edges comes back unchanged.
 */
export function topologicalOrder(graph: TaskGraph): TopologicalResult {
  const n = graph.ids.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 placed
  const next = new Uint32Array(n);
  const path: number[] = [];
  const order: string[] = [];
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    state[start] = 1;
    path.push(start);
    while (path.length > 0) {
      const node = path[path.length - 1]!;
      const ups = graph.upstream[node]!;
      const k = next[node]!;
      if (k < ups.length) {
        next[node] = k + 1;
        const up = ups[k]!;
        if (state[up] === 0) {
          state[up] = 1;
          path.push(up);
        } else if (state[up] === 1) {
          return { ok: false, error: { code: 'cycle', nodes: findCycles(graph)[0]! } };
        }
      } else {
        path.pop();
        state[node] = 2;
        order.push(graph.ids[node]!);
      }
    }
  }
  return { ok: true, order };
}

/** One cycle, or undefined when the graph is acyclic. See findCycles for its shape. */
export function findCycle(graph: TaskGraph): string[] | undefined {
  return findCycles(graph)[0];
}

/**
 * One cycle per strongly connected part of the graph that has one (so every tangle is reported
 * once, in linear time). A cycle is listed from its earliest task in the file and follows the
 * edges: `[a, b, c]` means a → b → c → a. A self-loop is `[a]`.
 */
export function findCycles(graph: TaskGraph): string[][] {
  return stronglyConnected(graph)
    .filter((part) => part.length > 1 || graph.downstream[part[0]!]!.includes(part[0]!))
    .map((part) => shortestCycleThrough(graph, part))
    .sort((a, b) => a[0]! - b[0]!)
    .map((cycle) => cycle.map((i) => graph.ids[i]!));
}

/** Tarjan's algorithm, iterative so a long chain of tasks cannot overflow the stack. */
function stronglyConnected(graph: TaskGraph): number[][] {
  const n = graph.ids.length;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const next = new Uint32Array(n);
  const stack: number[] = [];
  const calls: number[] = [];
  const parts: number[][] = [];
  let counter = 0;
  const visit = (node: number) => {
    order[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = 1;
    calls.push(node);
  };
  for (let start = 0; start < n; start++) {
    if (order[start] !== -1) continue;
    visit(start);
    while (calls.length > 0) {
      const node = calls[calls.length - 1]!;
      const downs = graph.downstream[node]!;
      const k = next[node]!;
      if (k < downs.length) {
        next[node] = k + 1;
        const down = downs[k]!;
        if (order[down] === -1) visit(down);
        else if (onStack[down]) low[node] = Math.min(low[node]!, order[down]!);
        continue;
      }
      calls.pop();
      const caller = calls[calls.length - 1];
      if (caller !== undefined) low[caller] = Math.min(low[caller]!, low[node]!);
      if (low[node] === order[node]) {
        const part: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          part.push(member);
        } while (member !== node);
        parts.push(part);
      }
    }
  }
  return parts;
}

/** Breadth-first from the part's earliest node, inside the part, back to that node. */
function shortestCycleThrough(graph: TaskGraph, part: readonly number[]): number[] {
  const inPart = new Set(part);
  const root = part.reduce((a, b) => Math.min(a, b));
  const parent = new Map<number, number>();
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const down of graph.downstream[node]!) {
      if (down === root) {
        const cycle = [node];
        while (cycle[cycle.length - 1] !== root) cycle.push(parent.get(cycle[cycle.length - 1]!)!);
        return cycle.reverse();
      }
      if (inPart.has(down) && !parent.has(down)) {
        parent.set(down, node);
        queue.push(down);
      }
    }
  }
  return [root]; // unreachable: a strongly connected part always leads back to its root
}

function closure(graph: TaskGraph, starts: string | Iterable<string>, adjacency: readonly (readonly number[])[]): string[] {
  const reached = new Uint8Array(graph.ids.length);
  const queue: number[] = [];
  for (const id of typeof starts === 'string' ? [starts] : starts) {
    const start = graph.indexOf.get(id);
    if (start !== undefined) queue.push(start);
  }
  for (let head = 0; head < queue.length; head++) {
    for (const next of adjacency[queue[head]!]!) {
      if (!reached[next]) {
        reached[next] = 1;
        queue.push(next);
      }
    }
  }
  return graph.ids.filter((_, i) => reached[i] === 1);
}

/** Every task upstream of the given ones (one or more edges away), in file order. Unknown ids are ignored. */
export function upstreamClosure(graph: TaskGraph, ids: string | Iterable<string>): string[] {
  return closure(graph, ids, graph.upstream);
}

/** Every task downstream of the given ones (one or more edges away), in file order. Unknown ids are ignored. */
export function downstreamClosure(graph: TaskGraph, ids: string | Iterable<string>): string[] {
  return closure(graph, ids, graph.downstream);
}

/** Tasks without upstream tasks, in file order. */
export function roots(graph: TaskGraph): string[] {
  return graph.ids.filter((_, i) => graph.upstream[i]!.length === 0);
}

/** Tasks without downstream tasks, in file order. */
export function leaves(graph: TaskGraph): string[] {
  return graph.ids.filter((_, i) => graph.downstream[i]!.length === 0);
}

function byId(graph: TaskGraph, adjacency: readonly (readonly number[])[]): Map<string, string[]> {
  return new Map(graph.ids.map((id, i) => [id, adjacency[i]!.map((j) => graph.ids[j]!)]));
}

/** Each task's direct upstream tasks, in file order. */
export function upstreamMap(graph: TaskGraph): Map<string, string[]> {
  return byId(graph, graph.upstream);
}

/** Each task's direct downstream tasks, in file order. */
export function downstreamMap(graph: TaskGraph): Map<string, string[]> {
  return byId(graph, graph.downstream);
}
