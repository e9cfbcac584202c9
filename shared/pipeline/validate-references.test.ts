import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineOperator, type OperatorDefinition } from '../operator';
import { sampleDoc, testOperators } from './testing';
import { validate } from './validate';

/* Rules that look across the document: unique ids, operators and their config, edges, cycles, groups. */

const check = (doc: unknown) => validate(doc, testOperators);
const task = (id: string, extra: Record<string, unknown> = {}) => ({ id, operator: 'join', config: {}, position: { x: 0, y: 0 }, ...extra });

describe('task ids', () => {
  it('are unique, and a repeat names the first use', () => {
    const doc = sampleDoc();
    doc.tasks.push(task('b'));
    expect(check(doc)).toEqual([{ path: 'tasks[3].id', message: 'duplicate task id "b" (first used by tasks[1])' }]);
  });
});

describe('operators', () => {
  it('must be known, with a close name suggested', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.operator = 'shel';
    expect(check(doc)).toEqual([{ path: 'tasks[0].operator', message: 'unknown operator "shel"; did you mean "shell"?' }]);
  });

  it('list the known ones when nothing is close', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.operator = 'kubernetes';
    expect(check(doc)).toEqual([{ path: 'tasks[0].operator', message: 'unknown operator "kubernetes"; known operators: shell, script, join' }]);
  });
});

describe('operator config', () => {
  it('reports a missing required key under the task’s config', () => {
    const doc = sampleDoc();
    doc.tasks[1]!.config = {};
    expect(check(doc)).toEqual([{ path: 'tasks[1].config.command', message: 'required' }]);
  });

  it('reports a wrong type in plain English', () => {
    const doc = sampleDoc();
    doc.tasks[1]!.config = { command: 42 };
    expect(check(doc)).toEqual([{ path: 'tasks[1].config.command', message: 'must be a string, got number' }]);
  });

  it('uses the operator’s own message (an empty command)', () => {
    const doc = sampleDoc();
    doc.tasks[1]!.config = { command: '' };
    expect(check(doc)).toEqual([{ path: 'tasks[1].config.command', message: 'required' }]);
  });

  it('lists the options of an enum', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.config = { command: 'x', mode: 'quick' };
    expect(check(doc)).toEqual([{ path: 'tasks[0].config.mode', message: 'must be one of: fast, safe' }]);
  });

  it('names a nested wrong value', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.config = { command: 'x', env: { HOME: '/h', DEBUG: true } };
    expect(check(doc)).toEqual([{ path: 'tasks[0].config.env.DEBUG', message: 'must be a string, got boolean' }]);
  });

  it('names an unknown key and suggests the declared one', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.config = { comand: 'echo a' };
    expect(check(doc)).toEqual([
      { path: 'tasks[0].config.command', message: 'required' },
      { path: 'tasks[0].config.comand', message: 'unknown field; did you mean "command"?' },
    ]);
  });

  it('runs the operator’s cross-field rules with paths under the config', () => {
    const doc = sampleDoc();
    doc.tasks.push(task('d', { operator: 'script', config: {} }), task('e', { operator: 'script', config: { code: 'x', script: 'y.py' } }));
    expect(check(doc)).toEqual([
      { path: 'tasks[3].config.code', message: 'set either code or script' },
      { path: 'tasks[4].config', message: 'set either code or script, not both' },
    ]);
  });

  it('turns a cross-field rule that throws into a problem, not a crash', () => {
    const fragile = defineOperator({
      id: 'fragile',
      label: 'Fragile',
      category: 'Core',
      description: 'Its rule has a bug.',
      icon: 'bug',
      config: z.strictObject({}),
      validate: () => {
        throw new Error('cannot read properties of undefined');
      },
    }) as unknown as OperatorDefinition;
    const lookup = (id: string) => (id === 'fragile' ? fragile : testOperators(id));
    const doc = sampleDoc();
    doc.tasks[2]!.operator = 'fragile';
    expect(validate(doc, lookup)).toEqual([{ path: 'tasks[2].config', message: 'could not be checked by the "fragile" operator: cannot read properties of undefined' }]);
  });

  it('is not checked for an unknown operator (one problem, not a cascade)', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.operator = 'nothing_like_it';
    doc.tasks[0]!.config = { anything: 1 };
    expect(check(doc).map((p) => p.path)).toEqual(['tasks[0].operator']);
  });
});

describe('edges', () => {
  it('refer to existing tasks, suggesting a close id', () => {
    const doc = sampleDoc();
    doc.tasks.push(task('train_model'));
    doc.edges.push({ from: 'c', to: 'train_modle' }, { from: 'nowhere', to: 'a' });
    expect(check(doc)).toEqual([
      { path: 'edges[2].to', message: 'unknown task "train_modle"; did you mean "train_model"?' },
      { path: 'edges[3].from', message: 'unknown task "nowhere"' },
    ]);
  });

  it('refuse a self-loop', () => {
    const doc = sampleDoc();
    doc.edges.push({ from: 'c', to: 'c' });
    expect(check(doc)).toEqual([{ path: 'edges[2]', message: 'a task cannot depend on itself (c → c)' }]);
  });

  it('refuse a repeated edge, naming the first', () => {
    const doc = sampleDoc();
    doc.edges.push({ from: 'a', to: 'b' });
    expect(check(doc)).toEqual([{ path: 'edges[2]', message: 'duplicate edge a → b (same as edges[0])' }]);
  });

  it('refuse a cycle and name it, at the edge that closes it', () => {
    const doc = sampleDoc();
    doc.edges.push({ from: 'c', to: 'a' });
    expect(check(doc)).toEqual([{ path: 'edges[2]', message: 'cycle: a → b → c → a' }]);
  });

  it('report every separate cycle', () => {
    const doc = sampleDoc();
    doc.tasks.push(task('x'), task('y'));
    doc.edges.push({ from: 'y', to: 'x' }, { from: 'x', to: 'y' }, { from: 'c', to: 'b' });
    expect(check(doc)).toEqual([
      { path: 'edges[2]', message: 'cycle: x → y → x' },
      { path: 'edges[4]', message: 'cycle: b → c → b' },
    ]);
  });

  it('must be objects with from and to', () => {
    const doc = sampleDoc();
    doc.edges.push({ from: 'a' }, { from: 'a', to: 'c', label: 'x' });
    expect(check(doc)).toEqual([
      { path: 'edges[2].to', message: 'required' },
      { path: 'edges[3].label', message: 'unknown field' },
    ]);
  });
});

describe('groups', () => {
  it('have unique ids', () => {
    const doc = sampleDoc();
    doc.groups.push({ id: 'prep' });
    expect(check(doc)).toEqual([{ path: 'groups[1].id', message: 'duplicate group id "prep" (first used by groups[0])' }]);
  });

  it('must exist when a task names one', () => {
    const doc = sampleDoc();
    doc.tasks[2]!.group = 'prepp';
    expect(check(doc)).toEqual([{ path: 'tasks[2].group', message: 'unknown group "prepp"; did you mean "prep"?' }]);
  });

  it('must exist when a group names it as parent', () => {
    const doc = sampleDoc();
    doc.groups.push({ id: 'inner', parent: 'outer' });
    expect(check(doc)).toEqual([{ path: 'groups[1].parent', message: 'unknown group "outer"' }]);
  });

  it('cannot be their own parent', () => {
    const doc = sampleDoc();
    doc.groups[0]!.parent = 'prep';
    expect(check(doc)).toEqual([{ path: 'groups[0].parent', message: 'a group cannot be its own parent' }]);
  });

  it('nest without a cycle, and a cycle is named', () => {
    const doc = sampleDoc();
    doc.groups.push({ id: 'outer', parent: 'middle' }, { id: 'middle', parent: 'inner' }, { id: 'inner', parent: 'outer' });
    expect(check(doc)).toEqual([{ path: 'groups[1].parent', message: 'groups nested in a cycle: outer → middle → inner → outer (each inside the next)' }]);
  });

  it('may nest', () => {
    const doc = sampleDoc();
    doc.groups.push({ id: 'inner', parent: 'prep' });
    doc.tasks[2]!.group = 'inner';
    expect(check(doc)).toEqual([]);
  });

  it('may not share an id with a task beside them (Airflow keys both by id)', () => {
    const doc = sampleDoc();
    doc.groups.push({ id: 'a' });
    expect(check(doc)).toEqual([{ path: 'groups[1].id', message: '"a" is also the id of tasks[0] in the same group; Airflow needs them to differ' }]);
    doc.tasks[0]!.group = 'a'; // inside its own group Airflow names the task "a.a": no clash
    expect(check(doc)).toEqual([]);
  });
});

describe('all problems at once', () => {
  it('are reported together, grouped by place in the file', () => {
    const doc = sampleDoc();
    doc.colour = 'red';
    doc.tasks[0]!.retries = -1;
    doc.tasks[1]!.operator = 'shel';
    doc.tasks.push(task('a'));
    doc.edges.push({ from: 'b', to: 'zzz' });
    expect(check(doc)).toEqual([
      { path: 'tasks[0].retries', message: 'must be 0 or more' },
      { path: 'tasks[1].operator', message: 'unknown operator "shel"; did you mean "shell"?' },
      { path: 'tasks[3].id', message: 'duplicate task id "a" (first used by tasks[0])' },
      { path: 'edges[2].to', message: 'unknown task "zzz"' },
      { path: 'colour', message: 'unknown field' },
    ]);
  });

  it('still include cross-references when the structure is broken elsewhere', () => {
    const doc = sampleDoc();
    doc.tasks[0]!.position = 'top-left';
    doc.edges.push({ from: 'c', to: 'a' });
    expect(check(doc)).toEqual([
      { path: 'tasks[0].position', message: 'must be an object, got string' },
      { path: 'edges[2]', message: 'cycle: a → b → c → a' },
    ]);
  });
});
