import { useEffect } from 'react';
import { editor, useEditor } from '../store/editor';
import { Icon } from '../ui/icons';

/** The latest message (a refused connection, a save, an error), until dismissed or timed out. */
export function Notice() {
  const notice = useEditor((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => editor().dismissNotice(notice.id), notice.kind === 'error' ? 8000 : 4000);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <Icon name={notice.kind === 'error' ? 'warning' : notice.kind === 'success' ? 'check' : 'help'} size={16} />
      <span>{notice.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => editor().dismissNotice(notice.id)}>
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}
