import { useEffect, useId, useState } from 'react';
import { editor, useEditor } from '../store/editor';
import { Icon } from '../ui/icons';
import { FieldShell } from './fields/FieldShell';

/** A selected group: rename it, fold it, or dissolve it (its tasks stay). */
export function GroupProperties({ groupId }: { groupId: string }) {
  const group = useEditor((s) => s.doc.groups.find((g) => g.id === groupId));
  const collapsed = useEditor((s) => s.collapsedGroups.has(groupId));
  const members = useEditor((s) => s.doc.tasks.filter((t) => t.group === groupId).length);
  const id = useId();
  const [label, setLabel] = useState(group?.label ?? '');
  useEffect(() => setLabel(group?.label ?? ''), [group?.label]);
  if (!group) return null;
  return (
    <div className="properties" data-testid="group-properties">
      <header className="properties-header" style={{ ['--accent' as string]: 'var(--group)' }}>
        <span className="properties-icon">
          <Icon name="group" size={20} />
        </span>
        <div>
          <div className="properties-title">Group {group.id}</div>
          <div className="properties-subtitle">
            {members} task{members === 1 ? '' : 's'} directly inside{group.parent ? `, inside group ${group.parent}` : ''}. Exported as an Airflow TaskGroup.
          </div>
        </div>
      </header>
      <section className="form-section">
        <FieldShell id={id} label="Label" description={`Shown on the frame; the group's id stays "${group.id}".`}>
          <input
            id={id}
            className="input"
            value={label}
            data-testid="group-label"
            onChange={(e) => {
              setLabel(e.target.value);
              editor().edit({ type: 'rename-group', groupId, label: e.target.value }, { key: `group-label:${groupId}`, windowMs: 1000 });
            }}
          />
        </FieldShell>
        <div className="properties-actions">
          <button type="button" className="button small" onClick={() => editor().toggleCollapsed(groupId)}>
            <Icon name={collapsed ? 'expand' : 'collapse'} size={14} /> {collapsed ? 'Expand' : 'Collapse'}
          </button>
          <button type="button" className="button small" onClick={() => editor().edit({ type: 'ungroup', groupId })}>
            <Icon name="ungroup" size={14} /> Ungroup
          </button>
        </div>
      </section>
    </div>
  );
}
