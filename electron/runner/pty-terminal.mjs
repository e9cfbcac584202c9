// A task's pseudo-terminal that loses no output. node-pty's terminal can drop the last few kilobytes a
// fast process prints before it exits (microsoft/node-pty#72, #85, #726): on Linux, once the child closes
// its side, a read of the terminal may fail with EIO while the kernel still holds output, and that output
// is then thrown away. Here the parent keeps its own handle on the child's side, so that never happens;
// when the child exits, the parent writes a unique marker through that handle and reads until the marker:
// the terminal is a queue, so everything the child printed came before it. Built on node-pty's native
// fork (so every platform node-pty supports still works); where that binding cannot be reached (Windows,
// an unusual install), node-pty's own terminal is used as it is.
//
// Plain JavaScript, shared by the pty host process and the in-process fallback of spawn.ts.
import { closeSync, constants, openSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import tty from 'node:tty';
import pty from 'node-pty';

/** How long to wait for the marker (or for the terminal to close, without a marker) before giving up on the rest. */
const DRAIN_TIMEOUT_MS = 2000;

function loadNative() {
  if (process.platform === 'win32') return null;
  try {
    const require = createRequire(import.meta.url);
    const base = dirname(require.resolve('node-pty/package.json'));
    for (const dir of ['build/Release', 'build/Debug', `prebuilds/${process.platform}-${process.arch}`]) {
      try {
        const module = require(join(base, dir, 'pty.node'));
        if (typeof module.fork !== 'function') continue;
        const helper = join(base, dir, 'spawn-helper').replace('app.asar', 'app.asar.unpacked').replace('node_modules.asar', 'node_modules.asar.unpacked');
        return { module, helper };
      } catch {
        // Try the next place node-pty looks in.
      }
    }
  } catch {
    // No import.meta.url (bundled as CommonJS) or no node-pty package.json: use node-pty's terminal.
  }
  return null;
}

const native = loadNative();

// Unguessable per process, unique per terminal: no task prints it by chance (or on purpose) to cut its own log short.
const MARKER_PREFIX = randomBytes(12).toString('hex');
let terminals = 0;

/**
 * Starts `request.file request.args` in a new terminal (the child leads its own session and process group).
 * handlers.onData(Buffer) gets the output; handlers.onExit(exitCode, signal) comes once, after all of it.
 * Returns the child's pid; throws when the terminal cannot be created.
 */
export function startTerminal(request, handlers) {
  return native ? startNative(request, handlers) : startNodePty(request, handlers);
}

function startNodePty(request, handlers) {
  const term = pty.spawn(request.file, [...request.args], {
    name: request.name,
    cols: request.cols,
    rows: request.rows,
    cwd: request.cwd,
    env: request.env,
    encoding: null,
  });
  term.onData((data) => handlers.onData(typeof data === 'string' ? Buffer.from(data) : data));
  term.onExit(({ exitCode, signal }) => handlers.onExit(exitCode, signal || null));
  return term.pid;
}

function startNative(request, handlers) {
  const env = { ...request.env, TERM: request.name, PWD: request.cwd };
  const pairs = Object.entries(env)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`);
  let exit = null;
  let streamDone = false;
  let reported = false;
  let timer = null;
  let held = null;
  const marker = Buffer.from(`\u001b]7777;dagstudio-drained-${MARKER_PREFIX}-${++terminals}\u0007`);

  const term = native.module.fork(request.file, [...request.args], pairs, request.cwd, request.cols, request.rows, -1, -1, true, native.helper, (exitCode, signal) => {
    exit = { exitCode, signal: signal || null };
    // What is left of its group could print after the marker: end it first.
    try {
      process.kill(-term.pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
    let marked = false;
    if (slave >= 0) {
      try {
        marked = writeSync(slave, marker) === marker.length;
      } catch {
        // Output stopped (^S) or the terminal is gone: fall back to waiting for it to close.
      }
    }
    if (!marked) markerLost = true;
    if (slave >= 0 && !marked) closeSlave();
    timer = setTimeout(finish, DRAIN_TIMEOUT_MS);
    if (streamDone) finish();
  });

  // Our own handle on the child's side, opened before the event loop can read the other side.
  let slave = -1;
  let markerLost = false;
  try {
    slave = openSync(term.pty, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
  } catch {
    markerLost = true;
  }
  const closeSlave = () => {
    if (slave < 0) return;
    try {
      closeSync(slave);
    } catch {
      // Already closed.
    }
    slave = -1;
  };

  const socket = new tty.ReadStream(term.fd);
  socket.on('data', (chunk) => {
    if (exit === null || markerLost) {
      handlers.onData(chunk);
      return;
    }
    held = held ? Buffer.concat([held, chunk]) : chunk;
    const at = held.indexOf(marker);
    if (at >= 0) {
      if (at > 0) handlers.onData(held.subarray(0, at));
      held = null;
      finish();
      return;
    }
    // Keep what could be the start of the marker; the rest is output.
    const keep = marker.length - 1;
    if (held.length > keep) {
      handlers.onData(held.subarray(0, held.length - keep));
      held = held.subarray(held.length - keep);
    }
  });
  socket.on('error', (error) => {
    // EAGAIN is libuv retrying; EIO is the terminal closing on Linux.
    if (error && typeof error.code === 'string' && error.code.includes('EAGAIN')) return;
    streamEnded();
  });
  socket.on('close', streamEnded);

  function streamEnded() {
    streamDone = true;
    if (exit !== null) finish();
  }

  function finish() {
    if (reported) return;
    if (exit === null) return;
    reported = true;
    if (timer) clearTimeout(timer);
    if (held) handlers.onData(held);
    held = null;
    closeSlave();
    socket.destroy();
    handlers.onExit(exit.exitCode, exit.signal);
  }

  return term.pid;
}
