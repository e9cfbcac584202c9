import { useId, useState } from 'react';
import { SECRET_MASK } from '../../shared/api';
import { idSchema } from '../../shared/pipeline/schema';
import type { Variable } from '../../shared/settings';
import { useHostData } from '../app/hostData';
import { getHost } from '../host';
import { FieldShell } from '../properties/fields/FieldShell';
import { Icon } from '../ui/icons';
import { EditForm, ListEditDialog, type Column } from './ListEditDialog';

const EMPTY: Variable = { name: '', value: '', secret: false };

const COLUMNS: readonly Column<Variable>[] = [
  { header: 'Name', className: 'mono', cell: (v) => v.name },
  { header: 'Value', className: 'mono', cell: (v) => (v.secret ? SECRET_MASK : v.value) },
  { header: 'Description', cell: (v) => v.description },
];

/** Airflow-style variables ({{ var.value.NAME }}), stored by the host; a secret's value never comes back in plain text. */
export function VariablesDialog() {
  const variables = useHostData((d) => d.variables);
  return (
    <ListEditDialog<Variable, Variable>
      title="Variables"
      testId="variables-dialog"
      intro={
        <p className="muted">
          Use them in templated fields as <code>{'{{ var.value.NAME }}'}</code> (or <code>{'{{ var.json.NAME }}'}</code>). Secret values are masked in logs.
        </p>
      }
      noun="variable"
      empty="No variables yet."
      items={variables}
      columns={COLUMNS}
      toDraft={(v) => v}
      draftKey={(draft) => draft.name || 'new'}
      remove={(name) => getHost().variables.delete({ name })}
      editor={(draft, done) => <VariableForm initial={draft} onDone={done} />}
      adders={(edit) => (
        <button type="button" className="button" onClick={() => edit(EMPTY)}>
          <Icon name="plus" size={14} /> Add variable
        </button>
      )}
    />
  );
}

function VariableForm({ initial, onDone }: { initial: Variable; onDone: () => void }) {
  const [draft, setDraft] = useState<Variable>(initial);
  const ids = { name: useId(), value: useId(), description: useId(), secret: useId() };
  const nameCheck = idSchema.safeParse(draft.name);
  const nameMessage = draft.name === '' ? null : nameCheck.success ? null : (nameCheck.error.issues[0]?.message ?? 'invalid');
  const save = () => getHost().variables.set({ ...draft, description: draft.description || undefined });
  return (
    <EditForm label="Variable" saveLabel="Save variable" saveDisabled={!nameCheck.success} save={save} onDone={onDone}>
      <div className="field-row">
        <FieldShell id={ids.name} label="Name" required messages={nameMessage ? [nameMessage] : []}>
          <input id={ids.name} className="input mono" value={draft.name} disabled={initial.name !== ''} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </FieldShell>
        <FieldShell id={ids.value} label="Value" description={initial.secret ? 'Leave the mask to keep the stored secret.' : undefined}>
          <input id={ids.value} className="input mono" type={draft.secret ? 'password' : 'text'} value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} />
        </FieldShell>
      </div>
      <FieldShell id={ids.description} label="Description">
        <input id={ids.description} className="input" value={draft.description ?? ''} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </FieldShell>
      <label className="checkbox" htmlFor={ids.secret}>
        <input id={ids.secret} type="checkbox" checked={draft.secret} onChange={(e) => setDraft({ ...draft, secret: e.target.checked })} />
        <span>Secret (masked in logs, never shown again)</span>
      </label>
    </EditForm>
  );
}
