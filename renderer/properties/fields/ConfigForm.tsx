import { memo, useCallback, useId, useState } from 'react';
import type { FieldInfo } from '../../../shared/operator';
import { problemsAt, type LocatedProblem } from '../../validation/problemIndex';
import { CodeEditor, type CodeLanguage } from './CodeEditor';
import { ConnectionInput } from './ConnectionInput';
import { FieldShell, mergeMessages } from './FieldShell';
import { JsonInput } from './JsonInput';
import { KeyValueInput } from './KeyValueInput';
import { ListInput } from './ListInput';
import { BooleanInput, NumberInput, SelectInput, TextAreaInput, TextInput } from './simpleInputs';
import { fieldMessage, fieldsOfObject, widgetOf } from './widget';

/**
 * A form generated from an operator's config schema (shared/operator fieldsOf): one input per
 * field, chosen by its widget, labelled with its title, with its messages right beside it.
 */

export interface ConfigFormProps {
  fields: readonly FieldInfo[];
  value: Readonly<Record<string, unknown>>;
  onChange: (key: string, value: unknown) => void;
  problems: readonly LocatedProblem[];
  /** Where these fields sit in the task (`config`, `config.channels`), to find their problems. */
  base: string;
  /** Prefix of the fields' test ids (`field-`, `field-channels.`). */
  testPrefix: string;
}

export function ConfigForm({ fields, value, onChange, problems, base, testPrefix }: ConfigFormProps) {
  const basic = fields.filter((f) => !f.ui.advanced);
  const advanced = fields.filter((f) => f.ui.advanced);
  const render = (f: FieldInfo) => (
    <ConfigField
      key={f.key}
      info={f}
      value={value[f.key]}
      onChange={onChange}
      problems={problems}
      path={`${base}.${f.key}`}
      testId={`${testPrefix}${f.key}`}
    />
  );
  return (
    <>
      {basic.map(render)}
      {advanced.length ? (
        <details className="advanced" open={advanced.some((f) => value[f.key] !== undefined) || undefined}>
          <summary>Advanced</summary>
          {advanced.map(render)}
        </details>
      ) : null}
    </>
  );
}

interface ConfigFieldProps {
  info: FieldInfo;
  value: unknown;
  onChange: (key: string, value: unknown) => void;
  problems: readonly LocatedProblem[];
  path: string;
  testId: string;
}

const ConfigField = memo(function ConfigField({ info, value, onChange, problems, path, testId }: ConfigFieldProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const [syntax, setSyntax] = useState<string | null>(null);
  const [badNumber, setBadNumber] = useState(false);
  const set = useCallback((next: unknown) => onChange(info.key, next), [onChange, info.key]);
  const widget = widgetOf(info);
  const { ui } = info;

  if (widget === 'object') return <ObjectField info={info} value={value} onChange={set} problems={problems} path={path} testId={testId} />;

  const own = problems.filter((p) => p.local === path).map((p) => p.message);
  const nested = widget === 'keyvalue' || widget === 'list' || widget === 'json' ? problemsAt(problems, path).filter((p) => p.local !== path).map((p) => `${p.local.slice(path.length + 1)}: ${p.message}`) : [];
  const local = syntax ?? (badNumber ? 'must be a number' : fieldMessage(info, value));
  const messages = mergeMessages(local, [...own, ...nested]);
  const invalid = messages.length > 0;
  const describedBy = invalid ? `${id}-messages` : undefined;
  const required = info.required && info.defaultValue === undefined;
  const placeholder = ui.placeholder ?? (info.defaultValue !== undefined ? `default: ${String(info.defaultValue)}` : undefined);

  let input;
  switch (widget) {
    case 'code':
      input = <CodeEditor value={typeof value === 'string' ? value : ''} language={(ui.language ?? 'text') as CodeLanguage} labelId={labelId} onChange={(v) => set(v === '' ? undefined : v)} invalid={invalid} testId={testId} />;
      break;
    case 'textarea':
      input = <TextAreaInput id={id} value={value as string | undefined} onChange={set} invalid={invalid} placeholder={placeholder} describedBy={describedBy} testId={testId} />;
      break;
    case 'number':
      input = <NumberInput id={id} value={value as number | undefined} onChange={set} invalid={invalid} placeholder={placeholder} describedBy={describedBy} testId={testId} onInvalidText={setBadNumber} />;
      break;
    case 'boolean':
      input = <BooleanInput id={id} value={(value as boolean | undefined) ?? (info.defaultValue as boolean | undefined)} onChange={set} label={ui.title} testId={testId} />;
      break;
    case 'select':
      input = (
        <SelectInput
          id={id}
          value={value as string | undefined}
          onChange={set}
          options={info.options ?? []}
          emptyLabel={info.defaultValue !== undefined ? `default (${String(info.defaultValue)})` : required ? '— choose —' : '—'}
          invalid={invalid}
          describedBy={describedBy}
          testId={testId}
        />
      );
      break;
    case 'keyvalue':
      input = <KeyValueInput id={id} label={ui.title} value={value as Record<string, string> | undefined} onChange={set} testId={testId} />;
      break;
    case 'list':
      input = <ListInput id={id} label={ui.title} value={value as string[] | undefined} onChange={set} testId={testId} />;
      break;
    case 'json':
      input = <JsonInput labelId={labelId} value={value} onChange={set} onSyntax={setSyntax} testId={testId} />;
      break;
    case 'connection':
      input = <ConnectionInput id={id} value={value as string | undefined} onChange={set} connectionType={ui.connectionType} invalid={invalid} describedBy={describedBy} testId={testId} />;
      break;
    default:
      input = <TextInput id={id} value={typeof value === 'string' ? value : value === undefined ? undefined : String(value)} onChange={set} invalid={invalid} placeholder={placeholder} describedBy={describedBy} testId={testId} secret={ui.secret} />;
  }
  return (
    <FieldShell id={id} labelId={labelId} label={ui.title} required={required} description={describe(info)} messages={messages} inline={widget === 'boolean'}>
      {input}
    </FieldShell>
  );
});

function describe(info: FieldInfo): string | undefined {
  const parts: string[] = [];
  if (info.ui.description) parts.push(info.ui.description);
  if (info.ui.secret) parts.push('Secret: masked in logs, never exported.');
  return parts.length ? parts.join(' ') : undefined;
}

/** A nested object: its own fields in a fieldset; an optional one can be switched on and off. */
function ObjectField({ info, value, onChange, problems, path, testId }: { info: FieldInfo; value: unknown; onChange: (v: unknown) => void; problems: readonly LocatedProblem[]; path: string; testId: string }) {
  const id = useId();
  const fields = fieldsOfObject(info.schema);
  const record = (value && typeof value === 'object' ? value : undefined) as Record<string, unknown> | undefined;
  const optional = !info.required;
  const on = record !== undefined;
  const setKey = useCallback(
    (key: string, v: unknown) => {
      const next: Record<string, unknown> = { ...(record ?? {}) };
      if (v === undefined) delete next[key];
      else next[key] = v;
      onChange(next);
    },
    [record, onChange],
  );
  const own = problems.filter((p) => p.local === path).map((p) => p.message);
  return (
    <fieldset className="object-field" data-testid={testId}>
      <legend>
        {optional ? (
          <label className="checkbox" htmlFor={id}>
            <input id={id} type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked ? {} : undefined)} />
            <span>{info.ui.title}</span>
          </label>
        ) : (
          info.ui.title
        )}
      </legend>
      {info.ui.description ? <div className="field-help">{info.ui.description}</div> : null}
      {own.length ? (
        <ul className="field-messages" role="alert">
          {own.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {!optional || on ? <ConfigForm fields={fields} value={record ?? {}} onChange={setKey} problems={problems} base={path} testPrefix={`${testId}.`} /> : null}
    </fieldset>
  );
}
