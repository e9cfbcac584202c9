import { closeDialog } from '../app/dialogs';
import { useEditor } from '../store/editor';
import { Modal } from './Modal';

/** The prompt before unsaved work would be lost: save it, throw it away, or stay. */
export function ConfirmDiscardDialog({ action, resolve }: { action: string; resolve: (choice: 'save' | 'discard' | 'cancel') => void }) {
  const id = useEditor((s) => s.doc.id);
  const answer = (choice: 'save' | 'discard' | 'cancel') => {
    closeDialog();
    resolve(choice);
  };
  return (
    <Modal
      title="Save your changes?"
      onClose={() => answer('cancel')}
      testId="confirm-discard"
      footer={
        <>
          <button type="button" className="button" onClick={() => answer('cancel')}>
            Cancel
          </button>
          <button type="button" className="button danger-text" onClick={() => answer('discard')}>
            Don’t save
          </button>
          <button type="button" className="button primary" onClick={() => answer('save')} data-autofocus>
            Save
          </button>
        </>
      }
    >
      <p>
        <strong className="mono">{id}</strong> has changes that are not saved. Save them before you {action}?
      </p>
    </Modal>
  );
}
