import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../ui/icons';

interface Row {
  key: string;
  value: string;
}

const rowsOf = (record: Record<string, string> | undefined): Row[] => Object.entries(record ?? {}).map(([key, value]) => ({ key, value: String(value) }));

function recordOf(rows: readonly Row[]): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const row of rows) if (row.key.trim() !== '') out[row.key] = row.value;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Name/value pairs (environment variables, headers, build args). Rows live locally while typed, so a
 * half-written row with an empty name is not lost; the document gets the complete pairs.
 */
export function KeyValueInput({
  id,
  label,
  value,
  onChange,
  keyPlaceholder = 'NAME',
  valuePlaceholder = 'value',
  testId,
}: {
  id: string;
  label: string;
  value: Record<string, string> | undefined;
  onChange: (value: Record<string, string> | undefined) => void;
  keyPlaceholder?: string;
  valuePlaceholder?: string;
  testId?: string;
}) {
  const [rows, setRows] = useState<Row[]>(() => rowsOf(value));
  const committed = useRef(value);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setRows(rowsOf(value));
    }
  }, [value]);

  const update = (next: Row[]) => {
    setRows(next);
    const record = recordOf(next);
    committed.current = record;
    onChange(record);
  };
  const duplicate = new Set(rows.map((r) => r.key).filter((k, i, all) => k !== '' && all.indexOf(k) !== i));

  return (
    <div className="kv" id={id} role="group" aria-label={label} data-testid={testId}>
      {rows.map((row, i) => (
        <div className="kv-row" key={i}>
          <input
            className="input mono"
            value={row.key}
            placeholder={keyPlaceholder}
            aria-label={`${label} name ${i + 1}`}
            aria-invalid={duplicate.has(row.key) || undefined}
            spellCheck={false}
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, key: e.target.value } : r)))}
          />
          <input
            className="input mono"
            value={row.value}
            placeholder={valuePlaceholder}
            aria-label={`${label} value ${i + 1}`}
            spellCheck={false}
            onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)))}
          />
          <button type="button" className="icon-button" aria-label={`Remove ${label} row ${i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
      {duplicate.size ? <div className="field-messages">Each name may appear once: {[...duplicate].join(', ')}</div> : null}
      <button type="button" className="link-button" onClick={() => setRows([...rows, { key: '', value: '' }])}>
        <Icon name="plus" size={13} /> Add {label.toLowerCase()} entry
      </button>
    </div>
  );
}
