import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostEvent, ReplyEnvelope } from '../../shared/api';
import { createHost, type Host } from '../../electron/host/host';
import type { Session } from '../../electron/host/session';

/**
 * What only the desktop app does, through the same host and session the Electron shell's IPC handler uses:
 * native dialogs (here a scripted stand-in for the OS's), files opened from the OS, menu commands.
 */

let scratch: string;
let home: string;
let elsewhere: string;
let host: Host;
let session: Session;
const received: HostEvent[] = [];
const dialogAnswers: Array<string | null> = [];

async function call(method: string, params: unknown = {}): Promise<ReplyEnvelope> {
  return session.request(method, params);
}

beforeAll(async () => {
  scratch = realpathSync(mkdtempSync(join(tmpdir(), 'host-desktop-')));
  home = join(scratch, 'home');
  elsewhere = join(scratch, 'elsewhere');
  mkdirSync(home);
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'picked.dag.json'), JSON.stringify({ format: 'dagstudio/pipeline', version: 1, id: 'picked', tasks: [] }));
  host = await createHost({
    kind: 'electron',
    version: 'test',
    dataDir: join(scratch, 'data'),
    configDir: join(scratch, 'user'),
    home,
    examplesDir: null,
    dialogs: {
      openFile: async () => dialogAnswers.shift() ?? null,
      saveFile: async () => dialogAnswers.shift() ?? null,
    },
  });
  session = host.connect((events) => void received.push(...events));
});

afterAll(async () => {
  session?.close();
  await host?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the host in the desktop app', () => {
  it('says it has dialogs', async () => {
    expect(await call('app.info')).toMatchObject({ result: { kind: 'electron', dialogs: true } });
  });

  it('refuses a folder outside home until the user picks a file there in a dialog', async () => {
    const picked = join(elsewhere, 'picked.dag.json');
    expect(await call('pipelines.open', { path: picked })).toMatchObject({ error: { code: 'forbidden-path' } });
    dialogAnswers.push(picked);
    expect(await call('dialogs.openFile', { kind: 'pipeline' })).toEqual({ result: { path: picked } });
    expect(await call('pipelines.open', { path: picked })).toMatchObject({ result: { path: picked, pipeline: { id: 'picked' } } });
  });

  it('opens with a dialog when no path is given, and says so when the dialog is cancelled', async () => {
    dialogAnswers.push(null);
    expect(await call('pipelines.open')).toEqual({ result: { cancelled: true } });
    dialogAnswers.push(join(elsewhere, 'picked.dag.json'));
    expect(await call('pipelines.open')).toMatchObject({ result: { pipeline: { id: 'picked' } } });
  });

  it('saves as through a save dialog', async () => {
    const target = join(elsewhere, 'saved-as.dag.json');
    dialogAnswers.push(target);
    const pipeline = { format: 'dagstudio/pipeline', version: 1, id: 'saved', tasks: [] };
    expect(await call('pipelines.saveAs', { pipeline })).toMatchObject({ result: { path: target } });
    expect(((await call('pipelines.recent')).result as { files: Array<{ path: string }> }).files[0]).toMatchObject({ path: target });
    dialogAnswers.push(null);
    expect(await call('pipelines.saveAs', { pipeline })).toEqual({ result: { cancelled: true } });
  });

  it('holds files opened from the OS until the renderer asks, then sends later ones as events', async () => {
    const early = join(scratch, 'from-os', 'early.dag.json');
    const late = join(scratch, 'from-os', 'late.dag.json');
    host.openPath(early);
    expect(received.filter((e) => e.type === 'open-path')).toEqual([]);
    expect(await call('app.openRequests')).toEqual({ result: { paths: [early] } });
    expect(await call('app.openRequests')).toEqual({ result: { paths: [] } });
    host.openPath(late);
    expect(received).toContainEqual({ type: 'open-path', path: late });
    // The file's folder is now allowed.
    mkdirSync(join(scratch, 'from-os'));
    writeFileSync(late, JSON.stringify({ format: 'dagstudio/pipeline', version: 1, id: 'late', tasks: [] }));
    expect(await call('pipelines.open', { path: late })).toMatchObject({ result: { pipeline: { id: 'late' } } });
  });

  it('sends menu commands to the renderer', () => {
    host.broadcast({ type: 'menu', command: 'save' });
    expect(received.at(-1)).toEqual({ type: 'menu', command: 'save' });
  });

  it('keeps preferences and recent files in the app folder, apart from the data folder', async () => {
    await call('preferences.set', { theme: 'light' });
    expect(host.preferences().theme).toBe('light');
    expect(host.recentFiles()[0]?.name).toBe('late.dag.json');
  });
});
