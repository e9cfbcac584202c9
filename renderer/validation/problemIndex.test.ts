import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../shared/pipeline/schema';
import { blankPipeline } from '../store/initialState';
import { indexProblems, problemsAt } from './problemIndex';

const doc: Pipeline = {
  ...blankPipeline('p'),
  tasks: [
    { id: 'a', operator: 'bash', config: {}, position: { x: 0, y: 0 } },
    { id: 'b', operator: 'bash', config: {}, position: { x: 0, y: 0 } },
  ],
  edges: [{ from: 'a', to: 'b' }],
};

describe('indexProblems', () => {
  it('files each problem under the task its path points at, with the path inside the task', () => {
    const index = indexProblems(doc, [
      { path: 'tasks[1].config.command', message: 'required' },
      { path: 'tasks[1].retries', message: 'must be 0 or more' },
      { path: 'schedule', message: 'must be a cron expression' },
    ]);
    expect(index.byTask.get('b')!.map((p) => p.local)).toEqual(['config.command', 'retries']);
    expect(index.byTask.has('a')).toBe(false);
    expect(index.pipeline).toEqual([{ path: 'schedule', message: 'must be a cron expression', taskId: null, local: 'schedule' }]);
    expect(index.all).toHaveLength(3);
  });

  it('points an edge problem at its downstream task, so clicking it selects something', () => {
    const index = indexProblems(doc, [{ path: 'edges[0]', message: 'creates a cycle: a → b → a' }]);
    expect(index.pipeline[0]!.taskId).toBe('b');
  });

  it('finds the problems of a field and of anything inside it, but not of a field with a longer name', () => {
    const problems = indexProblems(doc, [
      { path: 'tasks[0].config.env', message: 'x' },
      { path: 'tasks[0].config.env.HOME', message: 'y' },
      { path: 'tasks[0].config.envelope', message: 'z' },
    ]).byTask.get('a');
    expect(problemsAt(problems, 'config.env').map((p) => p.message)).toEqual(['x', 'y']);
  });
});
