import { useEffect, useState } from 'react';
import { Icon } from '../../ui/icons';
import { parseNumber } from './widget';

/** Plain inputs bound to a value; each reports a new value (undefined when cleared). */

interface InputProps<T> {
  id: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  invalid?: boolean;
  placeholder?: string;
  describedBy?: string;
  testId?: string;
}

export function TextInput({ id, value, onChange, invalid, placeholder, describedBy, testId, secret }: InputProps<string> & { secret?: boolean }) {
  const [revealed, setRevealed] = useState(false);
  const input = (
    <input
      id={id}
      type={secret && !revealed ? 'password' : 'text'}
      className="input"
      value={value ?? ''}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      autoComplete="off"
      spellCheck={false}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
  if (!secret) return input;
  return (
    <div className="secret-input">
      {input}
      <button type="button" className="icon-button" onClick={() => setRevealed((r) => !r)} aria-label={revealed ? 'Hide value' : 'Show value'} aria-pressed={revealed}>
        <Icon name={revealed ? 'eye-off' : 'eye'} size={15} />
      </button>
    </div>
  );
}

export function TextAreaInput({ id, value, onChange, invalid, placeholder, describedBy, testId }: InputProps<string>) {
  return (
    <textarea
      id={id}
      className="input textarea"
      rows={4}
      value={value ?? ''}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}

/**
 * A number typed as text: what is typed stays on screen while it is not (yet) a number, and only
 * numbers reach the document. A value changed from outside (undo) replaces the text.
 */
export function NumberInput({ id, value, onChange, invalid, placeholder, describedBy, testId, onInvalidText }: InputProps<number> & { onInvalidText?: (bad: boolean) => void }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    const parsed = parseNumber(text);
    if (parsed !== value) setText(value === undefined ? '' : String(value));
    // Only an outside change of `value` should rewrite the text.
  }, [value]);
  const bad = parseNumber(text) === null;
  return (
    <input
      id={id}
      className="input"
      inputMode="decimal"
      value={text}
      placeholder={placeholder}
      aria-invalid={invalid || bad || undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseNumber(e.target.value);
        onInvalidText?.(parsed === null);
        if (parsed !== null) onChange(parsed);
      }}
    />
  );
}

export function BooleanInput({ id, value, onChange, label, testId }: InputProps<boolean> & { label: string }) {
  return (
    <label className="checkbox" htmlFor={id}>
      <input id={id} type="checkbox" checked={value ?? false} data-testid={testId} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function SelectInput({
  id,
  value,
  onChange,
  options,
  emptyLabel,
  invalid,
  describedBy,
  testId,
}: InputProps<string> & { options: readonly (string | { value: string; label: string })[]; emptyLabel?: string }) {
  return (
    <select
      id={id}
      className="input select"
      value={value ?? ''}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
    >
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {options.map((o) => {
        const option = typeof o === 'string' ? { value: o, label: o } : o;
        return (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        );
      })}
    </select>
  );
}
