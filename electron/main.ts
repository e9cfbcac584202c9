import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
} from 'electron';
import type { FileKind } from './host/ports';
import type { HostEvent } from '../shared/api';
import type { RunRecord } from '../shared/api/runs';
import { runEndNotice, shouldNoticeRunEnd } from '../shared/run-notice';
import { LiveRunsTally } from '../shared/run-progress';
import { createHost, type Host } from './host/host';
import { contentSecurityPolicy, resolveStaticFile } from './host/http/static-files';
import { menuTemplate, type MenuItemSpec } from './host/menu';
import { isPermissionAllowed } from './host/permissions';
import { openPreferences } from './host/preferences';
import { fitToScreens, readWindowState, writeWindowState, type WindowState } from './host/window-state';
import { defaultDataDir } from './paths';

/**
 * The thin Electron shell: one sandboxed window on the app:// protocol with a strict CSP, IPC to the host (which
 * does all the work, as under `dagstudio serve`), the native menu and dialogs, single instance, remembered window
 * state, files opened from the OS, and a question before quitting with a run in progress.
 */

const SCHEME = 'app';
const APP_HOST = 'dagstudio';
const APP_URL = `${SCHEME}://${APP_HOST}/index.html`;
const REQUEST_CHANNEL = 'dagstudio:request';
const EVENTS_CHANNEL = 'dagstudio:events';
const PIPELINE_SUFFIX = '.dag.json';

const rendererDir = join(__dirname, '..', 'renderer');
const examplesDir = app.isPackaged ? join(process.resourcesPath, 'examples') : join(app.getAppPath(), 'examples');
const developer = !app.isPackaged;

protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);

let host: Host | null = null;
let mainWindow: BrowserWindow | null = null;
let quitting = false;
let hostClosed = false;
/* Files handed over by the OS before the host exists (macOS sends open-file before ready). */
const earlyOpens: string[] = [];

const FILTERS: Record<FileKind, Electron.FileFilter[]> = {
  pipeline: [{ name: 'dagstudio pipeline', extensions: ['dag.json', 'json'] }],
  json: [{ name: 'JSON', extensions: ['json'] }],
  python: [{ name: 'Python', extensions: ['py'] }],
  log: [{ name: 'Log', extensions: ['log', 'txt'] }],
  any: [{ name: 'All files', extensions: ['*'] }],
};

function pipelineArgs(argv: readonly string[], cwd: string): string[] {
  return argv.filter((a) => a.endsWith(PIPELINE_SUFFIX) && !a.startsWith('-')).map((a) => resolve(cwd, a)).filter((p) => existsSync(p));
}

function openFromOs(path: string) {
  if (host) host.openPath(path);
  else earlyOpens.push(path);
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
}

function isAppFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainWindow || event.sender !== mainWindow.webContents || frame !== mainWindow.webContents.mainFrame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

function secretCipher() {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    scheme: 'os-keychain',
    encrypt: (plain: string) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (stored: string) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}

function toElectronMenu(items: MenuItemSpec[]): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const out: MenuItemConstructorOptions = {};
    if (item.type) out.type = item.type;
    if (item.label) out.label = item.label;
    if (item.role) out.role = item.role;
    if (item.accelerator) out.accelerator = item.accelerator;
    if (item.registerAccelerator === false) out.registerAccelerator = false;
    if (item.enabled === false) out.enabled = false;
    if (item.submenu) out.submenu = toElectronMenu(item.submenu);
    const command = item.command;
    if (command) out.click = () => host?.broadcast({ type: 'menu', command });
    const path = item.openPath;
    if (path) out.click = () => openFromOs(path);
    return out;
  });
}

function refreshMenu(recent: ReadonlyArray<{ path: string; name: string }>) {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(menuTemplate({ platform: process.platform, recent, developer }))));
}

function notBuiltResponse(): Response {
  const html = '<!doctype html><meta charset="utf-8"><title>dagstudio</title><body style="font-family:sans-serif;margin:4em"><h1>The user interface is not built</h1><p>Run <code>npm run build</code>, then reload.</p>';
  return new Response(html, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" } });
}

function serveAppProtocol() {
  const csp = contentSecurityPolicy();
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
    if (!existsSync(join(rendererDir, 'index.html'))) return notBuiltResponse();
    const found = await resolveStaticFile(rendererDir, url.pathname);
    if (!found) return new Response('not found', { status: 404 });
    return new Response(await readFile(found.file), {
      headers: { 'content-type': found.type, 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
    });
  });
}

function lockDownContents() {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser; nothing opens inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function createWindow(stateFile: string): BrowserWindow {
  const remembered = fitToScreens(readWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...(remembered.x !== undefined && remembered.y !== undefined ? { x: remembered.x, y: remembered.y } : {}),
    width: remembered.width,
    height: remembered.height,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'dagstudio',
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (remembered.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let saveTimer: NodeJS.Timeout | null = null;
  const saveState = () => {
    if (win.isDestroyed()) return;
    const bounds = win.getNormalBounds();
    const state: WindowState = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: win.isMaximized() };
    void writeWindowState(stateFile, state).catch(() => {});
  };
  const saveSoon = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(saveState, 500);
  };
  for (const e of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(e as 'resize', saveSoon);

  // The renderer's own "discard unsaved changes?" (beforeunload) becomes a native question.
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Discard changes', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      message: 'The pipeline has unsaved changes.',
      detail: 'Closing now loses them.',
    });
    if (choice === 0) event.preventDefault();
  });

  win.on('close', (event) => {
    if (saveTimer) clearTimeout(saveTimer);
    saveState();
    if (quitting || !host) return;
    event.preventDefault();
    void confirmQuit(win);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_URL);
  return win;
}

/** Closing with a run in progress asks first; yes cancels every run (process trees included) before quitting. */
async function confirmQuit(win: BrowserWindow) {
  const active = host ? await host.activeRuns() : [];
  if (active.length > 0) {
    const { response } = await dialog.showMessageBox(win, {
      type: 'warning',
      buttons: ['Cancel the run and quit', 'Keep running'],
      defaultId: 1,
      cancelId: 1,
      message: active.length === 1 ? `The run ${active[0]!.run_id} is still in progress.` : `${active.length} runs are still in progress.`,
      detail: 'Quitting cancels it: running tasks are stopped and nothing more starts.',
    });
    if (response !== 0) return;
    await host!.cancelActiveRuns();
  }
  quitting = true;
  app.quit();
}

/**
 * The taskbar/dock progress bar while runs are live, and a system notification when one ends while the window is
 * in the background. What to show comes from shared/ (run-progress, run-notice), as the browser's title and
 * notification do; here are only the Electron calls.
 */
function watchRuns(h: Host, notifyOnFinish: () => boolean): LiveRunsTally {
  const tally = new LiveRunsTally();
  const showBar = () => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setProgressBar(tally.barValue());
  };
  const watcher = h.connect((events: HostEvent[]) => {
    for (const event of events) {
      if (event.type !== 'run-state' && event.type !== 'task-state') continue;
      const change = tally.event(event);
      if (change?.kind === 'started') {
        void watcher.request('runs.get', { run_id: change.runId }).then((reply) => {
          const run = (reply.result as { run?: RunRecord } | undefined)?.run;
          if (run) tally.snapshot(run);
          showBar();
        });
      } else if (change?.kind === 'ended') {
        const win = mainWindow;
        const focused = !!win && !win.isDestroyed() && win.isFocused();
        if (shouldNoticeRunEnd({ enabled: notifyOnFinish(), focused, permitted: Notification.isSupported() })) {
          const notice = runEndNotice(change.dagId, change.runId, change.state, change.tasks);
          const note = new Notification(notice);
          note.on('click', () => {
            if (!mainWindow) return;
            if (mainWindow.isMinimized()) mainWindow.restore();
            mainWindow.focus();
          });
          note.show();
        }
      }
    }
    showBar();
  });
  void watcher.request('runs.subscribe', { all: true });
  return tally;
}

/** A scoped run started from the window ("run only this task", "run from here") counts its scope on the taskbar. */
function noteRunScope(tally: LiveRunsTally, params: unknown, result: unknown): void {
  const tasks = (params as { tasks?: unknown } | null)?.tasks;
  const runId = (result as { run_id?: unknown } | undefined)?.run_id;
  if (Array.isArray(tasks) && typeof runId === 'string') tally.noteScope(runId, tasks.filter((t): t is string => typeof t === 'string'));
}

async function start() {
  const configDir = app.getPath('userData');
  // Only the data folder is read here; from now on the host owns the preferences.
  const dataDir = (await openPreferences(configDir)).get().data_dir ?? defaultDataDir();
  lockDownContents();
  serveAppProtocol();

  const showOpen = async (options: { title?: string; kind: FileKind }) => {
    const dialogOptions: OpenDialogOptions = { title: options.title ?? 'Open', properties: ['openFile'], filters: FILTERS[options.kind] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const showSave = async (options: { title?: string; kind: FileKind; defaultName?: string }) => {
    const dialogOptions = { title: options.title ?? 'Save', filters: FILTERS[options.kind], ...(options.defaultName ? { defaultPath: options.defaultName } : {}) };
    const result = mainWindow ? await dialog.showSaveDialog(mainWindow, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    return result.canceled || !result.filePath ? null : result.filePath;
  };

  const cipher = secretCipher();
  host = await createHost({
    kind: 'electron',
    version: app.getVersion(),
    dataDir,
    configDir,
    examplesDir: existsSync(examplesDir) ? examplesDir : null,
    dialogs: { openFile: showOpen, saveFile: showSave },
    ...(cipher ? { cipher } : {}),
    notify: (title, body) => {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    onInternalError: (error) => console.error('dagstudio host:', error),
  });
  const h = host;
  for (const path of earlyOpens.splice(0)) h.openPath(path);
  for (const path of pipelineArgs(process.argv.slice(app.isPackaged ? 1 : 2), process.cwd())) h.openPath(path);

  refreshMenu(h.recentFiles());

  mainWindow = createWindow(join(configDir, 'window-state.json'));
  const win = mainWindow;
  const tally = watchRuns(h, () => h.preferences().notify_on_finish);
  const client = h.connect((events) => {
    if (!win.isDestroyed()) win.webContents.send(EVENTS_CHANNEL, events);
  });
  win.on('closed', () => client.close());

  ipcMain.handle(REQUEST_CHANNEL, async (event, method: unknown, params: unknown) => {
    if (!isAppFrame(event)) return { error: { code: 'forbidden', message: 'only the dagstudio window may call the host' } };
    const reply = await client.request(method, params);
    if (method === 'pipelines.open' || method === 'pipelines.save' || method === 'pipelines.saveAs') {
      refreshMenu(h.recentFiles());
      const path = (reply.result as { path?: unknown } | undefined)?.path;
      if (typeof path === 'string') app.addRecentDocument(path);
    }
    if (method === 'runs.start') noteRunScope(tally, params, reply.result);
    return reply;
  });
}

// Tests (and portable setups) keep the app's own folder elsewhere; must happen before the single-instance lock.
if (process.env.DAGSTUDIO_USER_DATA_DIR) app.setPath('userData', resolve(process.env.DAGSTUDIO_USER_DATA_DIR));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName('dagstudio');
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const path of pipelineArgs(argv.slice(1), workingDirectory)) openFromOs(path);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOs(path);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting || !mainWindow) return;
    event.preventDefault();
    void confirmQuit(mainWindow);
  });
  app.on('will-quit', (event) => {
    if (hostClosed || !host) return;
    event.preventDefault();
    void host.close().finally(() => {
      hostClosed = true;
      app.quit();
    });
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('dagstudio could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

