import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../ui/icons';

/** A list of strings (arguments, recipients). Empty rows stay on screen while typed but not in the document. */
export function ListInput({
  id,
  label,
  value,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  value: readonly string[] | undefined;
  onChange: (value: string[] | undefined) => void;
  testId?: string;
}) {
  const [rows, setRows] = useState<string[]>(() => [...(value ?? [])]);
  const committed = useRef(value);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setRows([...(value ?? [])]);
    }
  }, [value]);
  const update = (next: string[]) => {
    setRows(next);
    const kept = next.filter((r) => r !== '');
    const out = kept.length ? kept : undefined;
    committed.current = out;
    onChange(out);
  };
  return (
    <div className="list-input" id={id} role="group" aria-label={label} data-testid={testId}>
      {rows.map((row, i) => (
        <div className="kv-row" key={i}>
          <input
            className="input mono"
            value={row}
            aria-label={`${label} ${i + 1}`}
            spellCheck={false}
            onChange={(e) => update(rows.map((r, j) => (j === i ? e.target.value : r)))}
          />
          <button type="button" className="icon-button" aria-label={`Remove ${label} ${i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => setRows([...rows, ''])}>
        <Icon name="plus" size={13} /> Add {label.toLowerCase()} item
      </button>
    </div>
  );
}
