import { z } from 'zod';
import { defineOperator, type OperatorDefinition } from '../operator';
import type { OperatorLookup } from './lookup';

/*
 * Operators and a sample document for the format's own tests. The real definitions live in operators/ and belong to
 * their owners; these small stand-ins keep the format's tests about the format.
 */

const shell = defineOperator({
  id: 'shell',
  label: 'Shell',
  category: 'Core',
  description: 'Runs a command.',
  icon: 'terminal',
  config: z.strictObject({
    command: z.string().min(1, 'required'),
    env: z.record(z.string(), z.string()).optional(),
    cwd: z.string().optional(),
    mode: z.enum(['fast', 'safe']).optional(),
  }),
});

const script = defineOperator({
  id: 'script',
  label: 'Script',
  category: 'Python',
  description: 'Runs code or a script.',
  icon: 'python',
  config: z.strictObject({
    code: z.string().optional(),
    script: z.string().optional(),
    args: z.array(z.string()).optional(),
  }),
  validate(config) {
    if (config.code === undefined && config.script === undefined) return [{ path: 'code', message: 'set either code or script' }];
    if (config.code !== undefined && config.script !== undefined) return [{ path: '', message: 'set either code or script, not both' }];
    return [];
  },
});

const join = defineOperator({
  id: 'join',
  label: 'Join',
  category: 'Core',
  description: 'Does nothing.',
  icon: 'circle',
  config: z.strictObject({}),
});

const definitions = [shell, script, join] as unknown as OperatorDefinition[];
const byId = new Map(definitions.map((d) => [d.id, d]));

export const testOperators: OperatorLookup = Object.assign((id: string) => byId.get(id), { ids: definitions.map((d) => d.id) });

type Doc = Record<string, unknown> & { tasks: Record<string, unknown>[]; edges: Record<string, unknown>[]; groups: Record<string, unknown>[] };

/** A small valid document (a → b → c, with b in group "prep"), fresh on every call so a test may change it. */
export function sampleDoc(): Doc {
  return {
    format: 'dagstudio/pipeline',
    version: 1,
    id: 'demo',
    groups: [{ id: 'prep', label: 'Preparation' }],
    tasks: [
      { id: 'a', operator: 'shell', config: { command: 'echo a' }, position: { x: 0, y: 0 } },
      { id: 'b', operator: 'shell', config: { command: 'echo b' }, group: 'prep', position: { x: 200, y: 0 } },
      { id: 'c', operator: 'join', config: {}, position: { x: 400, y: 0 } },
    ],
    edges: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
    ],
  };
}
