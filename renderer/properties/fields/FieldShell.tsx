import type { ReactNode } from 'react';

/** Label, help text and messages around one input; messages sit right under the field they concern. */
export interface FieldShellProps {
  id: string;
  labelId?: string;
  label: string;
  required?: boolean;
  description?: string;
  messages?: readonly string[];
  children: ReactNode;
  /** For inputs that label themselves (a checkbox), the label follows the control. */
  inline?: boolean;
  testId?: string;
}

export function FieldShell({ id, labelId, label, required, description, messages = [], children, inline, testId }: FieldShellProps) {
  const describedBy = messages.length ? `${id}-messages` : undefined;
  return (
    <div className={`field${messages.length ? ' has-error' : ''}${inline ? ' is-inline' : ''}`} data-testid={testId} data-field-messages={describedBy}>
      {inline ? null : (
        <label className="field-label" htmlFor={id} id={labelId}>
          {label}
          {required ? <span className="required" aria-hidden> *</span> : null}
        </label>
      )}
      {children}
      {description ? <div className="field-help">{description}</div> : null}
      {messages.length ? (
        <ul className="field-messages" id={describedBy} role="alert">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Merges the field's own check with the pipeline validator's problems, without saying the same thing twice. */
export function mergeMessages(own: string | null, fromPipeline: readonly string[]): string[] {
  const out: string[] = [];
  if (own) out.push(own);
  for (const m of fromPipeline) if (!out.includes(m) && !(own && m.endsWith(own))) out.push(m);
  return out;
}
