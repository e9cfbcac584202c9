/* A dialog's footer as most dialogs have it: the button that dismisses it, then the one that acts, if any. */

export interface DialogAction {
  label: string;
  onClick: () => void;
  disabled?: boolean;
  /** A primary button, or a danger one for an action that destroys something. */
  tone?: 'primary' | 'danger';
  testId?: string;
}

export function DialogFooter({ dismissLabel = 'Cancel', onDismiss, action }: { dismissLabel?: string; onDismiss: () => void; action?: DialogAction | null }) {
  return (
    <>
      <button type="button" className="button" onClick={onDismiss}>
        {dismissLabel}
      </button>
      {action ? (
        <button type="button" className={`button ${action.tone ?? 'primary'}`} disabled={action.disabled} onClick={action.onClick} data-testid={action.testId}>
          {action.label}
        </button>
      ) : null}
    </>
  );
}
