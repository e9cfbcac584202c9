import { describe, expect, it } from 'vitest';
import { checkConnection } from './connection';

const edges = [
  { from: 'a', to: 'b' },
  { from: 'b', to: 'c' },
  { from: 'c', to: 'd' },
  { from: 'a', to: 'd' },
];

describe('checkConnection', () => {
  it('accepts an edge that keeps the graph acyclic', () => {
    expect(checkConnection(edges, 'a', 'c')).toEqual({ ok: true });
    expect(checkConnection(edges, 'd', 'e')).toEqual({ ok: true });
  });

  it('refuses a cycle and names it from the new edge back to its start', () => {
    const verdict = checkConnection(edges, 'b', 'a');
    expect(verdict).toMatchObject({ ok: false, reason: 'cycle', cycle: ['b', 'a', 'b'] });
    expect(verdict.ok === false && verdict.message).toBe('This connection would create a cycle: b → a → b');
  });

  it('names the shortest cycle when there are several ways back', () => {
    const verdict = checkConnection(edges, 'd', 'a');
    expect(verdict).toMatchObject({ ok: false, cycle: ['d', 'a', 'd'] });
  });

  it('names a long cycle through every task on the way', () => {
    expect(checkConnection(edges, 'c', 'b')).toMatchObject({ cycle: ['c', 'b', 'c'] });
    expect(checkConnection([{ from: 'x', to: 'y' }, { from: 'y', to: 'z' }], 'z', 'x')).toMatchObject({ cycle: ['z', 'x', 'y', 'z'] });
  });

  it('refuses a duplicate edge and a self-loop', () => {
    expect(checkConnection(edges, 'a', 'b')).toMatchObject({ ok: false, reason: 'duplicate', message: 'a → b is already connected' });
    expect(checkConnection(edges, 'a', 'a')).toMatchObject({ ok: false, reason: 'self' });
  });
});
