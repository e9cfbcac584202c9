import { describe, expect, it } from 'vitest';
import { paramFields, readParam, readParams } from './params';

const defaults = { region: 'eu-west-1', epochs: 10, dry_run: false, classes: ['cat', 'dog'] };

describe('paramFields', () => {
  it('makes one field per param, typed by its default and pre-filled with it', () => {
    expect(paramFields(defaults)).toEqual([
      { name: 'region', kind: 'text', initial: 'eu-west-1' },
      { name: 'epochs', kind: 'number', initial: '10' },
      { name: 'dry_run', kind: 'boolean', initial: false },
      { name: 'classes', kind: 'json', initial: '["cat","dog"]' },
    ]);
  });
});

describe('readParam(s)', () => {
  const fields = paramFields(defaults);

  it('sends only the values that differ from the defaults, each as its own type', () => {
    expect(readParams(fields, { epochs: '25', dry_run: true, classes: '["cat"]' }, defaults)).toEqual({ ok: true, params: { epochs: 25, dry_run: true, classes: ['cat'] } });
    expect(readParams(fields, {}, defaults)).toEqual({ ok: true, params: {} });
  });

  it('refuses a number field that is not a number and a JSON field that is not JSON, naming the param', () => {
    expect(readParams(fields, { epochs: 'ten', classes: '[cat' }, defaults)).toEqual({
      ok: false,
      messages: ['epochs: expected a number, got "ten"', 'classes: expected JSON (for example ["a", "b"] or {"k": 1})'],
    });
    expect(readParam(fields[1]!, '  ')).toEqual({ ok: false, message: 'epochs: expected a number, got "  "' });
  });
});
