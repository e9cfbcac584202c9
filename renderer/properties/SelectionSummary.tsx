import { deleteSelection, duplicate, groupSelection } from '../app/editCommands';
import { openDialog } from '../app/dialogs';
import { useEditor } from '../store/editor';
import { Icon } from '../ui/icons';

/** Several things selected: what can be done with all of them at once. */
export function MultiSelection() {
  const tasks = useEditor((s) => s.selectedTasks.size);
  const groups = useEditor((s) => s.selectedGroups.size);
  const edges = useEditor((s) => s.selectedEdges.size);
  const parts = [tasks && `${tasks} task${tasks === 1 ? '' : 's'}`, groups && `${groups} group${groups === 1 ? '' : 's'}`, edges && `${edges} connection${edges === 1 ? '' : 's'}`].filter(Boolean);
  return (
    <div className="properties" data-testid="multi-selection">
      <header className="properties-header">
        <span className="properties-icon">
          <Icon name="list" size={20} />
        </span>
        <div>
          <div className="properties-title">{parts.join(', ')} selected</div>
          <div className="properties-subtitle">Drag any of them to move them together.</div>
        </div>
      </header>
      <div className="properties-actions wrap">
        {tasks > 0 ? (
          <button type="button" className="button small" onClick={() => groupSelection()}>
            <Icon name="group" size={14} /> Group
          </button>
        ) : null}
        {tasks + groups > 0 ? (
          <button type="button" className="button small" onClick={duplicate}>
            <Icon name="copy" size={14} /> Duplicate
          </button>
        ) : null}
        <button type="button" className="button small danger-text" onClick={deleteSelection}>
          <Icon name="trash" size={14} /> Delete
        </button>
      </div>
    </div>
  );
}

/** Nothing selected: the pipeline itself. */
export function PipelineSummary() {
  const doc = useEditor((s) => s.doc);
  return (
    <div className="properties" data-testid="pipeline-summary">
      <header className="properties-header">
        <span className="properties-icon">
          <Icon name="logo" size={20} />
        </span>
        <div>
          <div className="properties-title">{doc.title || doc.id}</div>
          <div className="properties-subtitle">{doc.description || 'No description yet.'}</div>
        </div>
      </header>
      <dl className="summary-list">
        <dt>DAG id</dt>
        <dd className="mono">{doc.id}</dd>
        <dt>Schedule</dt>
        <dd className="mono">{doc.schedule ?? 'none (run by hand)'}</dd>
        <dt>Tasks</dt>
        <dd>{doc.tasks.length}</dd>
        <dt>Connections</dt>
        <dd>{doc.edges.length}</dd>
        <dt>Groups</dt>
        <dd>{doc.groups.length}</dd>
        <dt>Params</dt>
        <dd className="mono">{Object.keys(doc.params).join(', ') || 'none'}</dd>
      </dl>
      <div className="properties-actions">
        <button type="button" className="button small" onClick={() => openDialog({ kind: 'pipeline-settings' })}>
          <Icon name="settings" size={14} /> Pipeline settings…
        </button>
      </div>
      <p className="muted small">Select a task to edit it. Shift+drag selects several.</p>
    </div>
  );
}
