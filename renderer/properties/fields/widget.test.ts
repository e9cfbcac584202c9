import { describe, expect, it } from 'vitest';
import { getOperator, OPERATORS } from '../../../operators/index';
import { fieldsOf } from '../../../shared/operator';
import { fieldMessage, fieldsOfObject, parseNumber, widgetOf } from './widget';

const field = (operator: string, key: string) => {
  const found = fieldsOf(getOperator(operator)!).find((f) => f.key === key);
  if (!found) throw new Error(`${operator} has no field ${key}`);
  return found;
};

describe('form widgets', () => {
  it('gives every field of every operator a widget the form can draw', () => {
    const known = new Set(['text', 'textarea', 'code', 'number', 'boolean', 'select', 'keyvalue', 'list', 'json', 'connection', 'path', 'object']);
    for (const op of OPERATORS) for (const f of fieldsOf(op)) expect(known.has(widgetOf(f)), `${op.id}.${f.key}`).toBe(true);
  });

  it('uses the declared widget: a bash command is a code editor for bash', () => {
    const command = field('bash', 'command');
    expect(widgetOf(command)).toBe('code');
    expect(command.ui.language).toBe('bash');
    expect(widgetOf(field('bash', 'env'))).toBe('keyvalue');
  });

  it('opens nested objects into their own fields', () => {
    const channels = field('notify', 'channels');
    expect(widgetOf(channels)).toBe('object');
    expect(fieldsOfObject(channels.schema).map((f) => f.key)).toContain('webhook_url');
  });

  it('says "required" for a missing required value and nothing for a missing optional one', () => {
    expect(fieldMessage(field('bash', 'command'), undefined)).toBe('required');
    expect(fieldMessage(field('bash', 'cwd'), undefined)).toBeNull();
    expect(fieldMessage(field('bash', 'command'), 'echo hi')).toBeNull();
  });

  it('reads number fields: empty is unset, junk is refused', () => {
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber(' 3 ')).toBe(3);
    expect(parseNumber('3x')).toBeNull();
  });
});
