import { useId, useState } from 'react';
import { z } from 'zod';
import { CONNECTION_TYPES, type ConnectionType } from '../../shared/operator';
import { innerType } from '../../shared/operator';
import { awsConnectionSchema, CONNECTION_SECRET_FIELDS, connectionSchema, httpConnectionSchema, smtpConnectionSchema, type Connection } from '../../shared/settings';
import { useHostData } from '../app/hostData';
import { getHost } from '../host';
import { FieldShell } from '../properties/fields/FieldShell';
import { KeyValueInput } from '../properties/fields/KeyValueInput';
import { Icon } from '../ui/icons';
import { EditForm, ListEditDialog, type Column } from './ListEditDialog';

const SCHEMAS: Record<ConnectionType, z.ZodObject> = { aws: awsConnectionSchema, smtp: smtpConnectionSchema, http: httpConnectionSchema };

const TYPE_LABEL: Record<ConnectionType, string> = { aws: 'AWS', smtp: 'SMTP (email)', http: 'HTTP' };

const human = (key: string): string => key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()).replace(/\burl\b/i, 'URL').replace(/\bid\b/i, 'ID');

const WHERE = (c: Connection): string => (c.type === 'aws' ? (c.endpoint_url ?? c.region ?? 'AWS') : c.type === 'smtp' ? `${c.host}:${c.port}` : c.base_url);

const COLUMNS: readonly Column<Connection>[] = [
  { header: 'Name', className: 'mono', cell: (c) => c.name },
  { header: 'Type', cell: (c) => TYPE_LABEL[c.type] },
  { header: 'Where', className: 'mono', cell: WHERE },
];

/** Connections (AWS, SMTP, HTTP) stored by the host; the form is generated from each type's schema. */
export function ConnectionsDialog() {
  const connections = useHostData((d) => d.connections);
  return (
    <ListEditDialog<Connection, Record<string, unknown>>
      title="Connections"
      testId="connections-dialog"
      intro={<p className="muted">Credentials that tasks pick by name. Secrets are stored by the host, masked in logs and never exported.</p>}
      noun="connection"
      empty="No connections yet."
      items={connections}
      columns={COLUMNS}
      toDraft={(c) => ({ ...c })}
      draftKey={(draft) => String(draft.name ?? 'new')}
      remove={(name) => getHost().connections.delete({ name })}
      editor={(draft, done) => <ConnectionForm initial={draft} isNew={!connections.some((c) => c.name === draft.name)} onDone={done} />}
      adders={(edit) => (
        <div className="form-actions left">
          {CONNECTION_TYPES.map((type) => (
            <button key={type} type="button" className="button" onClick={() => edit({ type, name: '' })}>
              <Icon name="plus" size={14} /> {TYPE_LABEL[type]} connection
            </button>
          ))}
        </div>
      )}
    />
  );
}

function ConnectionForm({ initial, isNew, onDone }: { initial: Record<string, unknown>; isNew: boolean; onDone: () => void }) {
  const type = initial.type as ConnectionType;
  const [draft, setDraft] = useState<Record<string, unknown>>(initial);
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
  const save = async () => {
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    await getHost().connections.set({ connection: parsed.data as Connection });
  };
  return (
    <EditForm label={`${TYPE_LABEL[type]} connection`} saveLabel="Save connection" save={save} onDone={onDone}>
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
    </EditForm>
  );
}
