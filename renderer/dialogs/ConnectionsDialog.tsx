import { useEffect, useId, useState } from 'react';
import { z } from 'zod';
import { CONNECTION_TYPES, type ConnectionType } from '../../shared/operator';
import { innerType } from '../../shared/operator';
import { awsConnectionSchema, CONNECTION_SECRET_FIELDS, connectionSchema, httpConnectionSchema, smtpConnectionSchema, type Connection } from '../../shared/settings';
import { closeDialog } from '../app/dialogs';
import { refreshHostData, useHostData } from '../app/hostData';
import { getHost } from '../host';
import { FieldShell } from '../properties/fields/FieldShell';
import { KeyValueInput } from '../properties/fields/KeyValueInput';
import { Icon } from '../ui/icons';
import { Modal } from './Modal';

const SCHEMAS: Record<ConnectionType, z.ZodObject> = { aws: awsConnectionSchema, smtp: smtpConnectionSchema, http: httpConnectionSchema };

const TYPE_LABEL: Record<ConnectionType, string> = { aws: 'AWS', smtp: 'SMTP (email)', http: 'HTTP' };

const human = (key: string): string => key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()).replace(/\burl\b/i, 'URL').replace(/\bid\b/i, 'ID');

/** Connections (AWS, SMTP, HTTP) stored by the host; the form is generated from each type's schema. */
export function ConnectionsDialog() {
  const connections = useHostData((d) => d.connections);
  const error = useHostData((d) => d.error);
  const [editing, setEditing] = useState<Record<string, unknown> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void refreshHostData(), []);
  const remove = async (name: string) => {
    try {
      await getHost().connections.delete({ name });
      await refreshHostData();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal title="Connections" onClose={closeDialog} wide testId="connections-dialog">
      <p className="muted">Credentials that tasks pick by name. Secrets are stored by the host, masked in logs and never exported.</p>
      {error ? <p className="error-text">{error}</p> : null}
      {message ? <p className="error-text" role="alert">{message}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Where</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connections.map((c) => (
            <tr key={c.name}>
              <td className="mono">{c.name}</td>
              <td>{TYPE_LABEL[c.type]}</td>
              <td className="mono">{c.type === 'aws' ? (c.endpoint_url ?? c.region ?? 'AWS') : c.type === 'smtp' ? `${c.host}:${c.port}` : c.base_url}</td>
              <td className="row-actions">
                <button type="button" className="icon-button" aria-label={`Edit connection ${c.name}`} onClick={() => setEditing({ ...c })}>
                  <Icon name="settings" size={14} />
                </button>
                <button type="button" className="icon-button" aria-label={`Delete connection ${c.name}`} onClick={() => void remove(c.name)}>
                  <Icon name="trash" size={14} />
                </button>
              </td>
            </tr>
          ))}
          {connections.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                No connections yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {editing ? (
        <ConnectionForm key={String(editing.name ?? 'new')} initial={editing} isNew={!connections.some((c) => c.name === editing.name)} onDone={() => setEditing(null)} />
      ) : (
        <div className="form-actions left">
          {CONNECTION_TYPES.map((type) => (
            <button key={type} type="button" className="button" onClick={() => setEditing({ type, name: '' })}>
              <Icon name="plus" size={14} /> {TYPE_LABEL[type]} connection
            </button>
          ))}
        </div>
      )}
    </Modal>
  );
}

function ConnectionForm({ initial, isNew, onDone }: { initial: Record<string, unknown>; isNew: boolean; onDone: () => void }) {
  const type = initial.type as ConnectionType;
  const [draft, setDraft] = useState<Record<string, unknown>>(initial);
  const [error, setError] = useState<string | null>(null);
  const baseId = useId();
  const shape = SCHEMAS[type].shape as Record<string, z.ZodType>;
  const secrets = new Set(CONNECTION_SECRET_FIELDS[type]);
  const parsed = connectionSchema.safeParse(draft);
  const problemOf = (key: string) => (!parsed.success ? parsed.error.issues.find((i) => i.path[0] === key && draft[key] !== undefined)?.message : undefined);
  const set = (key: string, value: unknown) => {
    const next = { ...draft };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    setDraft(next);
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    try {
      await getHost().connections.set({ connection: parsed.data as Connection });
      await refreshHostData();
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={`${TYPE_LABEL[type]} connection`}>
      <h3>{isNew ? 'New' : 'Edit'} {TYPE_LABEL[type]} connection</h3>
      <div className="form-grid two">
        {Object.entries(shape)
          .filter(([key]) => key !== 'type')
          .map(([key, schema]) => {
            const id = `${baseId}-${key}`;
            const inner = innerType(schema);
            const required = !schema.safeParse(undefined).success;
            const problem = problemOf(key);
            const value = draft[key];
            let input;
            if (inner instanceof z.ZodBoolean) {
              return (
                <label key={key} className="checkbox" htmlFor={id}>
                  <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => set(key, e.target.checked)} />
                  <span>{human(key)}</span>
                </label>
              );
            } else if (inner instanceof z.ZodNumber) {
              input = <input id={id} className="input" inputMode="numeric" value={value === undefined ? '' : String(value)} onChange={(e) => set(key, e.target.value === '' ? undefined : Number(e.target.value))} />;
            } else if (inner instanceof z.ZodRecord) {
              input = <KeyValueInput id={id} label={human(key)} value={value as Record<string, string> | undefined} onChange={(v) => set(key, v)} />;
            } else {
              input = (
                <input
                  id={id}
                  className="input mono"
                  type={secrets.has(key) ? 'password' : 'text'}
                  value={typeof value === 'string' ? value : ''}
                  disabled={key === 'name' && !isNew}
                  autoComplete="off"
                  onChange={(e) => set(key, e.target.value)}
                />
              );
            }
            return (
              <FieldShell key={key} id={id} label={human(key)} required={required} messages={problem ? [problem] : []} description={secrets.has(key) && !isNew ? 'Leave the mask to keep the stored secret.' : undefined}>
                {input}
              </FieldShell>
            );
          })}
      </div>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Save connection
        </button>
      </div>
    </form>
  );
}
