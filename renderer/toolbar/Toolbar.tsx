import { memo, type ReactNode } from 'react';
import { openDialog } from '../app/dialogs';
import { autoLayout, groupSelection } from '../app/editCommands';
import { cancel, run } from '../app/runCommands';
import { displayKeys } from '../app/shortcuts';
import { cycleTheme, useThemeChoice } from '../app/theme';
import { fitView } from '../canvas/canvasApi';
import { exportAirflow, exportJson, importJson, newPipeline, open, save } from '../files/fileCommands';
import { editor, useEditor } from '../store/editor';
import { canRedo, canUndo, isDirty } from '../store/editorStore';
import { useRun } from '../store/runs';
import { Icon } from '../ui/icons';

/** One toolbar button: its accessible name is exactly `label` (tests and screen readers rely on it). */
function ToolButton({ label, icon, onClick, disabled, keys, text, variant, testId }: { label: string; icon: string; onClick: () => void; disabled?: boolean; keys?: string; text?: ReactNode; variant?: 'primary' | 'danger'; testId?: string }) {
  return (
    <button
      type="button"
      className={`tool-button${text ? ' with-text' : ''}${variant ? ` ${variant}` : ''}`}
      aria-label={label}
      title={keys ? `${label} (${displayKeys(keys)})` : label}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      <Icon name={icon} size={16} />
      {text ? <span>{text}</span> : null}
    </button>
  );
}

function Separator() {
  return <span className="tool-separator" aria-hidden />;
}

const THEME_ICON = { system: 'monitor', light: 'sun', dark: 'moon' } as const;

function FileTitle() {
  const id = useEditor((s) => s.doc.title || s.doc.id);
  const path = useEditor((s) => s.filePath);
  const readOnly = useEditor((s) => s.readOnly);
  const dirty = useEditor(isDirty);
  return (
    <div className="file-title" title={path ?? 'Not saved yet'}>
      <span className="file-title-name" data-testid="pipeline-name">
        {id}
      </span>
      {dirty ? (
        <span className="dirty-dot" data-testid="dirty-marker" aria-label="Unsaved changes" role="img">
          ●
        </span>
      ) : null}
      <span className="file-title-path">{path ? (readOnly ? `${path} (read-only example)` : path) : 'not saved'}</span>
    </div>
  );
}

export const Toolbar = memo(function Toolbar() {
  const undoable = useEditor(canUndo);
  const redoable = useEditor(canRedo);
  const runState = useRun((r) => r.runState);
  const running = runState === 'running' || runState === 'queued';
  const theme = useThemeChoice();
  return (
    <header className="toolbar" role="toolbar" aria-label="Pipeline">
      <div className="brand" aria-hidden>
        <Icon name="logo" size={20} />
        <span>dagstudio</span>
      </div>
      <FileTitle />
      <Separator />
      <ToolButton label="New" icon="file-plus" keys="mod+n" onClick={() => void newPipeline()} />
      <ToolButton label="Open" icon="open" keys="mod+o" onClick={() => void open()} />
      <ToolButton label="Save" icon="save" keys="mod+s" onClick={() => void save()} />
      <ToolButton label="Import" icon="import" keys="mod+i" onClick={() => void importJson()} />
      <ToolButton label="Export JSON" icon="export" keys="mod+e" onClick={() => void exportJson()} />
      <ToolButton label="Export Airflow" icon="airflow" onClick={() => void exportAirflow()} />
      <Separator />
      <ToolButton label="Undo" icon="undo" keys="mod+z" onClick={() => editor().undo()} disabled={!undoable} />
      <ToolButton label="Redo" icon="redo" keys="mod+shift+z" onClick={() => editor().redo()} disabled={!redoable} />
      <Separator />
      <ToolButton label="Auto layout" icon="layout" keys="shift+l" onClick={() => void autoLayout()} />
      <ToolButton label="Fit view" icon="fit" keys="shift+f" onClick={fitView} />
      <ToolButton label="Group selection" icon="group" keys="mod+g" onClick={() => void groupSelection()} />
      <div className="toolbar-spacer" />
      <ToolButton label="Run" icon="play" keys="f5" text="Run" variant="primary" onClick={() => void run()} disabled={running} />
      <ToolButton label="Cancel" icon="stop" keys="shift+f5" text="Cancel" variant="danger" onClick={() => void cancel()} disabled={!running} />
      <Separator />
      <ToolButton label="Pipeline settings" icon="settings" keys="mod+," onClick={() => openDialog({ kind: 'pipeline-settings' })} />
      <ToolButton label="Variables" icon="variable" onClick={() => openDialog({ kind: 'variables' })} />
      <ToolButton label="Connections" icon="key" onClick={() => openDialog({ kind: 'connections' })} />
      <ToolButton label={`Theme: ${theme}`} icon={THEME_ICON[theme]} onClick={cycleTheme} testId="theme-toggle" />
      <ToolButton label="Keyboard shortcuts" icon="help" keys="f1" onClick={() => openDialog({ kind: 'help' })} />
    </header>
  );
});
