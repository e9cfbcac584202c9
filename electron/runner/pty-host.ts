import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The runner's side of the pty host (pty-host-process.mjs): starts it on first use, multiplexes every
 * task's pseudo-terminal over its stdin/stdout, and keeps the event loop alive only while a task runs,
 * so an idle runner does not hold its process open. If the host dies, its tasks end (their terminals
 * hung up) and the next spawn starts a new host.
 */

const HEADER = 9;

export interface HostSpawnRequest {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
  name: string;
}

/* What goes over the pipe: the environment as a difference from the one the host was started with (a task's environment is mostly the runner's own). */
interface WireRequest extends Omit<HostSpawnRequest, 'env'> {
  envSet: Record<string, string>;
  envUnset: string[];
}

export interface HostSpawnHandlers {
  onStart: (pid: number) => void;
  onFail: (message: string) => void;
  onData: (bytes: Buffer) => void;
  onExit: (exitCode: number, signal: number | null) => void;
}

function hostScript(): string | null {
  try {
    const path = fileURLToPath(new URL('./pty-host-process.mjs', import.meta.url));
    return existsSync(path) ? path : null;
  } catch {
    // Bundled as CommonJS (no import.meta.url): the script is not beside this code.
    return null;
  }
}

class PtyHost {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private readonly tasks = new Map<number, HostSpawnHandlers>();
  private buffered: Buffer = Buffer.alloc(0);
  private baseEnv: Record<string, string> = {};

  constructor(private readonly script: string) {}

  spawn(request: HostSpawnRequest, handlers: HostSpawnHandlers): void {
    const child = this.ensure();
    const id = this.nextId++;
    this.tasks.set(id, handlers);
    this.hold();
    const { env, ...rest } = request;
    const envSet: Record<string, string> = {};
    for (const key in env) if (this.baseEnv[key] !== env[key]) envSet[key] = env[key] as string;
    const envUnset = Object.keys(this.baseEnv).filter((key) => !(key in env));
    const wire: WireRequest = { ...rest, envSet, envUnset };
    const payload = Buffer.from(JSON.stringify(wire));
    const header = Buffer.allocUnsafe(HEADER);
    header.writeUInt8('S'.charCodeAt(0), 0);
    header.writeUInt32BE(id, 1);
    header.writeUInt32BE(payload.length, 5);
    child.stdin!.write(Buffer.concat([header, payload]));
  }

  private ensure(): ChildProcess {
    if (this.child) return this.child;
    this.baseEnv = { ...(process.env as Record<string, string>) };
    const child = spawn(process.execPath, [this.script], {
      stdio: ['pipe', 'pipe', 'inherit'],
      // In the packaged app process.execPath is Electron: make it behave as node (the host drops this again for tasks).
      env: { ...this.baseEnv, ELECTRON_RUN_AS_NODE: '1', DAGSTUDIO_PTY_HOST_HAD_ELECTRON_RUN_AS_NODE: this.baseEnv.ELECTRON_RUN_AS_NODE ?? '' },
    });
    child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stdin!.on('error', () => {});
    child.on('exit', () => this.lost(child));
    child.on('error', () => this.lost(child));
    this.child = child;
    return child;
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    let offset = 0;
    const buf = this.buffered;
    // Output frames of one read are handed on together, per task: fewer, larger pieces of text.
    const output = new Map<number, Buffer[]>();
    const flushOutput = (id: number) => {
      const parts = output.get(id);
      if (!parts) return;
      output.delete(id);
      this.tasks.get(id)?.onData(parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts));
    };
    while (buf.length - offset >= HEADER) {
      const length = buf.readUInt32BE(offset + 5);
      if (buf.length - offset < HEADER + length) break;
      const type = buf[offset] as number;
      const id = buf.readUInt32BE(offset + 1);
      const payload = buf.subarray(offset + HEADER, offset + HEADER + length);
      offset += HEADER + length;
      const task = this.tasks.get(id);
      if (!task) continue;
      if (type !== 0x44) flushOutput(id);
      switch (type) {
        case 0x44: {
          // D
          const parts = output.get(id);
          if (parts) parts.push(payload);
          else output.set(id, [payload]);
          break;
        }
        case 0x50: // P
          task.onStart((JSON.parse(payload.toString('utf8')) as { pid: number }).pid);
          break;
        case 0x46: // F
          this.done(id);
          task.onFail((JSON.parse(payload.toString('utf8')) as { message: string }).message);
          break;
        case 0x58: {
          // X
          const { exitCode, signal } = JSON.parse(payload.toString('utf8')) as { exitCode: number; signal: number | null };
          this.done(id);
          task.onExit(exitCode, signal);
          break;
        }
      }
    }
    for (const id of [...output.keys()]) flushOutput(id);
    // Keep only the unread tail (a copy, so the big chunk it came from can be freed).
    this.buffered = offset === buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(offset));
  }

  private done(id: number): void {
    this.tasks.delete(id);
    if (this.tasks.size === 0) this.release();
  }

  /* While tasks run, the host's pipes keep the event loop alive; idle, they must not. */
  private hold(): void {
    const c = this.child;
    if (!c) return;
    c.ref();
    (c.stdout as unknown as { ref?: () => void }).ref?.();
    (c.stdin as unknown as { ref?: () => void }).ref?.();
  }

  private release(): void {
    const c = this.child;
    if (!c) return;
    c.unref();
    (c.stdout as unknown as { unref?: () => void }).unref?.();
    (c.stdin as unknown as { unref?: () => void }).unref?.();
  }

  private lost(child: ChildProcess): void {
    if (this.child !== child) return;
    this.child = null;
    this.buffered = Buffer.alloc(0);
    const orphans = [...this.tasks.values()];
    this.tasks.clear();
    // Their terminals hung up with the host.
    for (const task of orphans) task.onExit(129, 1);
  }
}

let host: PtyHost | null | undefined;

/** The shared pty host, or null where it cannot run (its script is not on disk, or DAGSTUDIO_PTY_HOST=0). */
export function ptyHost(): PtyHost | null {
  if (host === undefined) {
    const script = process.env.DAGSTUDIO_PTY_HOST === '0' ? null : hostScript();
    host = script ? new PtyHost(script) : null;
  }
  return host;
}
