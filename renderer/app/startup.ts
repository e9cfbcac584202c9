import { MENU_COMMANDS, type HostEvent, type MenuCommand } from '../../shared/api';
import { fitView } from '../canvas/canvasApi';
import { exportAirflow, exportJson, importJson, newPipeline, open, openPath, save, saveAs } from '../files/fileCommands';
import { getHost } from '../host';
import { editor } from '../store/editor';
import { isDirty } from '../store/editorStore';
import { followEditor } from '../validation/useProblems';
import { openDialog } from './dialogs';
import { autoLayout } from './editCommands';
import { panel } from '../run/runPanel';
import { refreshHostData } from './hostData';
import { cancel, onHostRunEvent, run } from './runCommands';
import { startTheme } from './theme';

/** What the app does once at start: theme, validation, host events, the unsaved-work guard. */

const MENU: Record<MenuCommand, () => void> = {
  new: () => void newPipeline(),
  open: () => void open(),
  save: () => void save(),
  'save-as': () => void saveAs(),
  import: () => void importJson(),
  'export-json': () => void exportJson(),
  'export-airflow': () => void exportAirflow(),
  close: () => void newPipeline(),
  undo: () => editor().undo(),
  redo: () => editor().redo(),
  settings: () => openDialog({ kind: 'pipeline-settings' }),
  variables: () => openDialog({ kind: 'variables' }),
  connections: () => openDialog({ kind: 'connections' }),
  'fit-view': fitView,
  'auto-layout': () => void autoLayout(),
  run: () => void run(),
  cancel: () => void cancel(),
  history: () => panel.show('runs'),
  shortcuts: () => openDialog({ kind: 'help' }),
  about: () => openDialog({ kind: 'help' }),
};

function onHostEvent(event: HostEvent): void {
  if (event.type === 'menu') {
    if ((MENU_COMMANDS as readonly string[]).includes(event.command)) MENU[event.command]();
  } else if (event.type === 'open-path') void openPath(event.path);
  else onHostRunEvent(event);
}

export function startApp(): void {
  startTheme();
  followEditor();
  window.addEventListener('beforeunload', (event) => {
    if (isDirty(editor())) event.preventDefault();
  });
  let host;
  try {
    host = getHost();
  } catch (error) {
    editor().notify('error', `No connection to the dagstudio host: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  host.onEvent(onHostEvent);
  void refreshHostData();
  host.app.openRequests({}).then(
    (r) => {
      const first = r.paths[0];
      if (first) void openPath(first);
    },
    () => undefined,
  );
}
