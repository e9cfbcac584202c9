import { memo, useMemo, useState, type DragEvent } from 'react';
import { OPERATORS } from '../../operators/index';
import { OPERATOR_CATEGORIES, type OperatorDefinition } from '../../shared/operator';
import { addTask } from '../app/editCommands';
import { Icon } from '../ui/icons';
import { CATEGORY_ACCENT } from '../ui/operatorLook';
import { OPERATOR_DRAG_TYPE } from './dragType';

/** Operators by category, searchable; drag one onto the canvas, or click it to add it at the centre. */

function matches(op: OperatorDefinition, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [op.id, op.label, op.description, op.category].some((text) => text.toLowerCase().includes(q));
}

const PaletteEntry = memo(function PaletteEntry({ op }: { op: OperatorDefinition }) {
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(OPERATOR_DRAG_TYPE, op.id);
    event.dataTransfer.setData('text/plain', op.id);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className="palette-entry"
        draggable
        onDragStart={onDragStart}
        onClick={() => addTask(op.id)}
        data-testid={`palette-${op.id}`}
        title={op.description}
        aria-label={`Add ${op.label} task`}
        style={{ ['--accent' as string]: CATEGORY_ACCENT[op.category] }}
      >
        <span className="palette-icon" aria-hidden>
          <Icon name={op.icon} size={18} />
        </span>
        <span className="palette-text">
          <span className="palette-label">{op.label}</span>
          <span className="palette-description">{op.description}</span>
        </span>
      </button>
    </li>
  );
});

export function Palette() {
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () =>
      OPERATOR_CATEGORIES.map((category) => ({ category, ops: OPERATORS.filter((op) => op.category === category && matches(op, query.trim())) })).filter(
        (g) => g.ops.length > 0,
      ),
    [query],
  );
  return (
    <aside className="palette" aria-label="Operators">
      <div className="panel-title">Operators</div>
      <label className="search-box">
        <Icon name="search" size={14} />
        <span className="visually-hidden">Search operators</span>
        <input type="search" placeholder="Search operators…" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <div className="palette-scroll">
        {groups.map(({ category, ops }) => (
          <section key={category} className="palette-category" aria-label={category}>
            <h3 style={{ ['--accent' as string]: CATEGORY_ACCENT[category] }}>{category}</h3>
            <ul>
              {ops.map((op) => (
                <PaletteEntry key={op.id} op={op} />
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 ? <p className="muted palette-none">No operator matches “{query}”.</p> : null}
      </div>
      <p className="palette-hint">Drag onto the canvas, or click to add at the centre.</p>
    </aside>
  );
}
