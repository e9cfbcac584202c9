import { Fragment, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { closeDialog } from '../app/dialogs';
import { refreshHostData, useHostData } from '../app/hostData';
import { Icon } from '../ui/icons';
import { Modal } from './Modal';

/*
 * The scaffold of the dialogs over a list the host stores by name (connections, variables): a table with Edit and
 * Delete on each row, the editor of one item below it (or the buttons that start a new one), and what went wrong
 * loading, deleting or saving. Each dialog brings only its columns, its form and its words.
 */

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** What just went wrong (deleting, saving), announced to screen readers. */
function Alert({ text }: { text: string | null }) {
  return text ? (
    <p className="error-text" role="alert">
      {text}
    </p>
  ) : null;
}

export interface Column<T> {
  header: string;
  className?: string;
  cell: (item: T) => ReactNode;
}

export interface ListEditDialogProps<T extends { name: string }, D> {
  title: string;
  testId: string;
  intro: ReactNode;
  /** What one item is called ("connection"): the row buttons say "Edit connection NAME". */
  noun: string;
  /** The table's one row when the list is empty. */
  empty: string;
  items: readonly T[];
  columns: readonly Column<T>[];
  /** The draft an Edit button opens the editor with. */
  toDraft: (item: T) => D;
  /** Names a draft: another draft opens a fresh editor. */
  draftKey: (draft: D) => string;
  remove: (name: string) => Promise<unknown>;
  editor: (draft: D, done: () => void) => ReactNode;
  /** The buttons under the table while nothing is being edited; `edit` opens the editor on a new draft. */
  adders: (edit: (draft: D) => void) => ReactNode;
}

export function ListEditDialog<T extends { name: string }, D>(props: ListEditDialogProps<T, D>) {
  const { title, testId, intro, noun, empty, items, columns, toDraft, draftKey, remove, editor, adders } = props;
  const error = useHostData((d) => d.error);
  const [editing, setEditing] = useState<D | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => void refreshHostData(), []);
  const removeItem = async (name: string) => {
    try {
      await remove(name);
      await refreshHostData();
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <Modal title={title} onClose={closeDialog} wide testId={testId}>
      {intro}
      {error ? <p className="error-text">{error}</p> : null}
      <Alert text={message} />
      <table className="data-table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.name}>
              {columns.map((c) => (
                <td key={c.header} className={c.className}>
                  {c.cell(item)}
                </td>
              ))}
              <td className="row-actions">
                <button type="button" className="icon-button" aria-label={`Edit ${noun} ${item.name}`} onClick={() => setEditing(toDraft(item))}>
                  <Icon name="settings" size={14} />
                </button>
                <button type="button" className="icon-button" aria-label={`Delete ${noun} ${item.name}`} onClick={() => void removeItem(item.name)}>
                  <Icon name="trash" size={14} />
                </button>
              </td>
            </tr>
          ))}
          {items.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1} className="muted">
                {empty}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {editing !== null ? <Fragment key={draftKey(editing)}>{editor(editing, () => setEditing(null))}</Fragment> : adders(setEditing)}
    </Modal>
  );
}

/**
 * The editor of one item: `save` stores it (what it throws is shown, the editor stays open), then the list is read
 * again and the editor closes.
 */
export function EditForm({
  label,
  saveLabel,
  saveDisabled,
  save,
  onDone,
  children,
}: {
  label: string;
  saveLabel: string;
  saveDisabled?: boolean;
  save: () => Promise<unknown>;
  onDone: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await save();
      await refreshHostData();
      onDone();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label={label}>
      {children}
      <Alert text={error} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={saveDisabled}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}
