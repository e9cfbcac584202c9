import type { Edge } from '../../shared/pipeline/schema';

export type ConnectionVerdict =
  | { ok: true }
  | { ok: false; reason: 'self' | 'duplicate' | 'cycle'; message: string; cycle?: string[] };

/** Formats a cycle the way every message in the app names it: `a → b → a`. */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(' → ');
}

/**
 * Whether the edge `from → to` may be added. A cycle appears exactly when `from` is already
 * reachable from `to`; the path found is the rest of the cycle, so the message can name it.
 */
export function checkConnection(edges: readonly Edge[], from: string, to: string): ConnectionVerdict {
  if (from === to) return { ok: false, reason: 'self', message: `A task cannot depend on itself: ${formatCycle([from, from])}`, cycle: [from, from] };
  const downstream = new Map<string, string[]>();
  for (const e of edges) {
    if (e.from === from && e.to === to) return { ok: false, reason: 'duplicate', message: `${from} → ${to} is already connected` };
    const list = downstream.get(e.from);
    if (list) list.push(e.to);
    else downstream.set(e.from, [e.to]);
  }
  const path = findPath(downstream, to, from);
  if (!path) return { ok: true };
  const cycle = [from, ...path];
  return { ok: false, reason: 'cycle', message: `This connection would create a cycle: ${formatCycle(cycle)}`, cycle };
}

/** Breadth-first, so the cycle named is the shortest one. */
function findPath(downstream: ReadonlyMap<string, readonly string[]>, start: string, goal: string): string[] | null {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    if (node === goal) {
      const path: string[] = [];
      for (let at: string | null = node; at !== null; at = previous.get(at) ?? null) path.push(at);
      return path.reverse();
    }
    for (const next of downstream.get(node) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}
