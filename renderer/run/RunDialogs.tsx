import { useId, useState, type FormEvent } from 'react';
import type { Problem } from '../../shared/problems';
import { DialogFooter } from '../dialogs/DialogFooter';
import { Modal } from '../dialogs/Modal';
import { FieldShell } from '../properties/fields/FieldShell';
import { editor } from '../store/editor';
import { readParams, type ParamField } from './params';
import { closeRunDialog, useRunDialog, type RunDialog } from './runPanel';
import { saveThen } from './runFlow';

/** The run dialogs: the params of a run (pre-filled with the defaults) and a refused run with its reasons. */
export function RunDialogs() {
  const dialog = useRunDialog();
  if (dialog.kind === 'params') return <ParamsDialog dialog={dialog} />;
  if (dialog.kind === 'refused') return <RefusedDialog dialog={dialog} />;
  return null;
}

function ParamInput({ field, value, onChange }: { field: ParamField; value: string | boolean; onChange: (v: string | boolean) => void }) {
  const id = useId();
  if (field.kind === 'boolean') {
    return (
      <FieldShell id={id} label={field.name} inline>
        <label className="checkbox" htmlFor={id}>
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={`param-${field.name}`} />
          {field.name}
        </label>
      </FieldShell>
    );
  }
  return (
    <FieldShell id={id} label={field.name} description={field.kind === 'json' ? 'JSON' : field.kind === 'number' ? 'A number' : undefined}>
      {field.kind === 'json' ? (
        <textarea id={id} className="input mono" rows={3} value={String(value)} onChange={(e) => onChange(e.target.value)} data-testid={`param-${field.name}`} />
      ) : (
        <input
          id={id}
          className={`input${field.kind === 'number' ? ' mono' : ''}`}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`param-${field.name}`}
        />
      )}
    </FieldShell>
  );
}

function ParamsDialog({ dialog }: { dialog: Extract<RunDialog, { kind: 'params' }> }) {
  const [values, setValues] = useState<Record<string, string | boolean>>(() => Object.fromEntries(dialog.fields.map((f) => [f.name, f.initial])));
  const [messages, setMessages] = useState<string[]>([]);
  const cancel = () => {
    closeRunDialog();
    dialog.resolve(null);
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const read = readParams(dialog.fields, values, dialog.defaults);
    if (!read.ok) {
      setMessages(read.messages);
      return;
    }
    closeRunDialog();
    dialog.resolve(read.params);
  };
  return (
    <Modal
      title={dialog.title}
      onClose={cancel}
      testId="run-params-dialog"
      footer={<DialogFooter onDismiss={cancel} action={{ label: 'Run', onClick: () => submit(), testId: 'run-params-start' }} />}
    >
      <form onSubmit={submit} className="run-params-form">
        <p className="field-help">Params of this run; the defaults come from the pipeline settings.</p>
        {dialog.fields.map((field) => (
          <ParamInput key={field.name} field={field} value={values[field.name] ?? field.initial} onChange={(v) => setValues((all) => ({ ...all, [field.name]: v }))} />
        ))}
        {messages.length ? (
          <ul className="field-messages" role="alert">
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        <button type="submit" hidden />
      </form>
    </Modal>
  );
}

/** Selects the task a problem is about (its path starts with tasks[i]). */
function selectProblemTask(problem: Problem): void {
  const match = /^tasks\[(\d+)\]/.exec(problem.path);
  const task = match ? editor().doc.tasks[Number(match[1])] : undefined;
  if (task) {
    editor().select({ tasks: [task.id] });
    closeRunDialog();
  }
}

function RefusedDialog({ dialog }: { dialog: Extract<RunDialog, { kind: 'refused' }> }) {
  const unsaved = dialog.reason === 'unsaved';
  const retry = unsaved ? dialog.retry : undefined;
  return (
    <Modal
      title="The pipeline cannot run yet"
      onClose={closeRunDialog}
      testId="run-refused"
      footer={<DialogFooter dismissLabel="Close" onDismiss={closeRunDialog} action={retry ? { label: 'Save and run', onClick: () => void saveThen(retry), testId: 'run-save-and-run' } : null} />}
    >
      {unsaved ? (
        <p>
          {editor().filePath ? 'The pipeline has changes that are not saved.' : 'The pipeline has not been saved yet.'} A run runs the saved file (its tasks
          work in the file’s folder, and the run history names it): save it first.
        </p>
      ) : (
        <>
          <p>
            {dialog.problems.length} problem{dialog.problems.length === 1 ? '' : 's'} must be fixed first:
          </p>
          <ul className="run-problems" data-testid="run-problems">
            {dialog.problems.map((p, i) => (
              <li key={i}>
                <button type="button" className="link-button" onClick={() => selectProblemTask(p)}>
                  <code>{p.path || 'pipeline'}</code>
                </button>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
