import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { AppInfo } from '../../shared/api';
import { closeDialog } from '../app/dialogs';
import { appInfo, openLocalFile, openPath, saveToPath } from '../files/fileCommands';
import { FieldShell } from '../properties/fields/FieldShell';
import { editor } from '../store/editor';
import { Icon } from '../ui/icons';
import { DialogFooter } from './DialogFooter';
import { Modal } from './Modal';
import { RecentFileList, useRecentFiles } from './RecentFileList';

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}/${name}`;
}

function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    appInfo().then(setInfo, () => setInfo(null));
  }, []);
  return info;
}

/* What the file picker offers: pipeline files (*.dag.json ends in .json too). */
const PIPELINE_FILES = '.json,.dag.json,application/json';

/** Open in a browser (no native dialog there): a path on the host, a recent file, or a file from this computer. */
export function OpenDialog() {
  const id = useId();
  const info = useAppInfo();
  const [path, setPath] = useState('');
  const recent = useRecentFiles();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const go = async (target: string) => {
    if (!target.trim()) return;
    setBusy(true);
    closeDialog();
    await openPath(target.trim());
    setBusy(false);
  };
  const chosen = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again (after fixing it) is a change too.
    event.target.value = '';
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      editor().notify('error', `Could not read ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    closeDialog();
    await openLocalFile({ name: file.name, text });
  };
  return (
    <Modal
      title="Open pipeline"
      onClose={closeDialog}
      testId="open-dialog"
      footer={<DialogFooter onDismiss={closeDialog} action={{ label: 'Open', disabled: busy || !path.trim(), onClick: () => void go(path) }} />}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void go(path);
        }}
      >
        <FieldShell id={id} label="File path" description={info ? `A .dag.json file under ${info.allowed_dirs.join(', ')}` : undefined}>
          <input id={id} className="input mono" value={path} placeholder={info ? joinPath(info.home, 'pipeline.dag.json') : ''} onChange={(e) => setPath(e.target.value)} data-testid="open-path" />
        </FieldShell>
      </form>
      <div className="form-actions left open-local">
        <button type="button" className="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          <Icon name="file" size={15} />
          Choose file…
        </button>
        <span className="muted">Or a file from this computer: it opens unsaved, and Save asks where to keep it.</span>
        <input ref={fileInput} type="file" accept={PIPELINE_FILES} hidden onChange={(e) => void chosen(e)} aria-label="Pipeline file from this computer" data-testid="open-file-input" />
      </div>
      {recent.length ? (
        <>
          <h3 className="list-title">Recent</h3>
          <RecentFileList files={recent} onOpen={(target) => void go(target)} />
        </>
      ) : null}
    </Modal>
  );
}

/** Save As in a browser: a path on the host; an existing file is only replaced when the user says so. */
export function SaveAsDialog({ resolve }: { resolve: (saved: boolean) => void }) {
  const id = useId();
  const info = useAppInfo();
  const [path, setPath] = useState('');
  const [exists, setExists] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!info || path) return;
    const current = editor().filePath;
    const name = `${editor().doc.id}.dag.json`;
    setPath(current && !editor().readOnly ? current : joinPath(info.home, name));
  }, [info, path]);
  const finish = (saved: boolean) => {
    closeDialog();
    resolve(saved);
  };
  const submit = async (overwrite: boolean) => {
    setError(null);
    const result = await saveToPath(path.trim(), overwrite);
    if (result.ok) finish(true);
    else {
      setExists(result.exists);
      setError(result.exists ? `${path} already exists.` : result.message);
    }
  };
  return (
    <Modal
      title="Save pipeline as"
      onClose={() => finish(false)}
      testId="save-as-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={() => finish(false)}>
            Cancel
          </button>
          {exists ? (
            <button type="button" className="button danger" onClick={() => void submit(true)}>
              Replace
            </button>
          ) : (
            <button type="button" className="button primary" disabled={!path.trim()} onClick={() => void submit(false)}>
              Save
            </button>
          )}
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(exists);
        }}
      >
        <FieldShell id={id} label="File path" messages={error ? [error] : []} description={info ? `Under ${info.allowed_dirs.join(', ')}; ends in .dag.json.` : undefined}>
          <input
            id={id}
            className="input mono"
            value={path}
            onChange={(e) => {
              setPath(e.target.value);
              setExists(false);
              setError(null);
            }}
            data-testid="save-as-path"
          />
        </FieldShell>
      </form>
    </Modal>
  );
}
