import { useEffect, useId, useState } from 'react';
import { SECRET_MASK } from '../../shared/api';
import { idSchema } from '../../shared/pipeline/schema';
import type { Variable } from '../../shared/settings';
import { closeDialog } from '../app/dialogs';
import { refreshHostData, useHostData } from '../app/hostData';
import { getHost } from '../host';
import { FieldShell } from '../properties/fields/FieldShell';
import { Icon } from '../ui/icons';
import { Modal } from './Modal';

const EMPTY: Variable = { name: '', value: '', secret: false };

/** Airflow-style variables ({{ var.value.NAME }}), stored by the host; a secret's value never comes back in plain text. */
export function VariablesDialog() {
  const variables = useHostData((d) => d.variables);
  const error = useHostData((d) => d.error);
  const [editing, setEditing] = useState<Variable | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void refreshHostData(), []);
  const remove = async (name: string) => {
    try {
      await getHost().variables.delete({ name });
      await refreshHostData();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal title="Variables" onClose={closeDialog} wide testId="variables-dialog">
      <p className="muted">Use them in templated fields as <code>{'{{ var.value.NAME }}'}</code> (or <code>{'{{ var.json.NAME }}'}</code>). Secret values are masked in logs.</p>
      {error ? <p className="error-text">{error}</p> : null}
      {message ? <p className="error-text" role="alert">{message}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Description</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {variables.map((v) => (
            <tr key={v.name}>
              <td className="mono">{v.name}</td>
              <td className="mono">{v.secret ? SECRET_MASK : v.value}</td>
              <td>{v.description}</td>
              <td className="row-actions">
                <button type="button" className="icon-button" aria-label={`Edit variable ${v.name}`} onClick={() => setEditing(v)}>
                  <Icon name="settings" size={14} />
                </button>
                <button type="button" className="icon-button" aria-label={`Delete variable ${v.name}`} onClick={() => void remove(v.name)}>
                  <Icon name="trash" size={14} />
                </button>
              </td>
            </tr>
          ))}
          {variables.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                No variables yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {editing ? (
        <VariableForm key={editing.name || 'new'} initial={editing} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="button" onClick={() => setEditing(EMPTY)}>
          <Icon name="plus" size={14} /> Add variable
        </button>
      )}
    </Modal>
  );
}

function VariableForm({ initial, onDone }: { initial: Variable; onDone: () => void }) {
  const [draft, setDraft] = useState<Variable>(initial);
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), value: useId(), description: useId(), secret: useId() };
  const nameCheck = idSchema.safeParse(draft.name);
  const nameMessage = draft.name === '' ? null : nameCheck.success ? null : (nameCheck.error.issues[0]?.message ?? 'invalid');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    try {
      await getHost().variables.set({ ...draft, description: draft.description || undefined });
      await refreshHostData();
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Variable">
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
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={!nameCheck.success}>
          Save variable
        </button>
      </div>
    </form>
  );
}
