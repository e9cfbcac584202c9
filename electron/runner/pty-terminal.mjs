// A task's pseudo-terminal that loses no output. node-pty's terminal can drop the last few kilobytes a
// fast process prints before it exits (microsoft/node-pty#72, #85, #726): on Linux, once the child closes
// its side, a read of the terminal may fail with EIO while the kernel still holds output, and that output
// is then thrown away. Here the parent keeps its own handle on the child's side, so that never happens;
// when the child exits, the parent reads until the kernel holds nothing more (Linux), or writes a unique
// marker through that handle and reads until the marker: the terminal is a queue, so everything the
// child printed came before it. Built on node-pty's native openpty (see startSpawned); where that
// binding cannot be reached (Windows, an unusual install), node-pty's own terminal is used as it is.
//
// Plain JavaScript, shared by the pty host process and the in-process fallback of spawn.ts.
import { spawn as spawnChild } from 'node:child_process';
import { closeSync, constants, existsSync, openSync, readSync, writeSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import tty from 'node:tty';
import pty from 'node-pty';

/** How long to wait for the marker (or for the terminal to close, without a marker) before giving up on the rest. */
const DRAIN_TIMEOUT_MS = 2000;

/*
 * On Linux a read of the terminal that finds nothing first waits for the kernel's pending input work
 * (n_tty_read calls tty_buffer_flush_work), so once the child is gone, reading until EAGAIN gets all it
 * printed, at once: no marker round trip (about 0.3 ms a task, the chain shape of bench/runner.bench.ts).
 * Elsewhere the marker says when the rest has arrived.
 */
const DRAINS_ON_READ = process.platform === 'linux';

function loadNative() {
  if (process.platform === 'win32') return null;
  try {
    const require = createRequire(import.meta.url);
    const base = dirname(require.resolve('node-pty/package.json'));
    for (const dir of ['build/Release', 'build/Debug', `prebuilds/${process.platform}-${process.arch}`]) {
      try {
        const module = require(join(base, dir, 'pty.node'));
        if (typeof module.open === 'function') return { module };
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
  return native ? startSpawned(request, handlers) : startNodePty(request, handlers);
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

/**
 * The terminal's parent side for a child already started on it: reads `master`, and once the child has
 * exited (the returned function is called with its status) drains what the kernel still holds, using its
 * own handle on the child's side (`slave`, non-blocking) to write the marker.
 */
function watchTerminal(master, slave, pid, handlers) {
  let exit = null;
  let streamDone = false;
  let reported = false;
  let timer = null;
  let held = null;
  let markerLost = slave < 0;
  const marker = Buffer.from(`\u001b]7777;dagstudio-drained-${MARKER_PREFIX}-${++terminals}\u0007`);

  const closeSlave = () => {
    if (slave < 0) return;
    try {
      closeSync(slave);
    } catch {
      // Already closed.
    }
    slave = -1;
  };

  const socket = new tty.ReadStream(master);
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

  /* Reads what the kernel holds for us, now (see DRAINS_ON_READ); false if the terminal could not be read. */
  function drainNow() {
    const buffer = Buffer.allocUnsafe(65536);
    for (;;) {
      let n;
      try {
        n = readSync(master, buffer, 0, buffer.length, null);
      } catch (error) {
        // EAGAIN: everything was read. Anything else: the terminal is gone, and so is what it held.
        return error?.code === 'EAGAIN';
      }
      if (n <= 0) return true;
      handlers.onData(Buffer.from(buffer.subarray(0, n)));
    }
  }

  return (exitCode, signal) => {
    exit = { exitCode, signal: signal || null };
    // What is left of its group could print after the drain: end it first.
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
    if (DRAINS_ON_READ && !streamDone && drainNow()) {
      finish();
      return;
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
  };
}

/** Opens our own non-blocking handle on the child's side (or -1: then the drain waits for the terminal to close). */
function openOwnSlave(path) {
  try {
    return openSync(path, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
  } catch {
    return -1;
  }
}

/*
 * A terminal from node-pty's openpty(3), and the child started on it by Node's own spawn as the leader of
 * a new session. Cheaper than node-pty's fork, which forks by hand and parks a thread per child on
 * waitpid (measured: bench/runner.bench.ts, chain shape); here Node's SIGCHLD handling reaps the child.
 * The child gets the terminal as its standard streams (isatty, colours, window size) but not as its
 * controlling terminal (/dev/tty), as under a CI runner: the runner ends tasks by process group, not by
 * hanging up, and a prompt on /dev/tty fails at once instead of waiting for input nobody can type.
 */
function startSpawned(request, handlers) {
  const terminal = takeTerminal(request.cols, request.rows);
  let child;
  try {
    child = spawnChild(request.file, [...request.args], {
      cwd: request.cwd,
      env: request.env.TERM === request.name && request.env.PWD === request.cwd ? request.env : { ...request.env, TERM: request.name, PWD: request.cwd },
      stdio: [terminal.childSide, terminal.childSide, terminal.childSide],
      detached: true,
    });
  } finally {
    // The child has its own copy now.
    closeSync(terminal.childSide);
    terminal.childSide = -1;
  }
  if (child.pid === undefined) {
    child.on('error', () => {});
    closeTerminal(terminal);
    throw new Error(existsSync(request.cwd) ? `${request.file}: not found or not executable` : `working directory ${request.cwd} does not exist`);
  }
  const exited = watchTerminal(terminal.master, terminal.ours, child.pid, handlers);
  child.on('exit', (code, signal) => exited(code ?? 0, signal ? (osConstants.signals[signal] ?? 0) : 0));
  // The next task's terminal, opened while this one runs rather than when the next one must start.
  setImmediate(() => prepareSpare(request.cols, request.rows));
  return child.pid;
}

/*
 * One terminal opened ahead of need: opening one (about 0.1 ms) is then on no task's critical path, which
 * matters in a chain of short tasks. Three handles on it: the terminal's side we read, the child's side
 * the task gets (blocking: its writes must wait, not fail, when the terminal is full), and our own
 * non-blocking handle on the child's side for the drain. node-pty's own handle on the child's side is
 * non-blocking and would be inherited by every later child: it is closed at once.
 */
let spare = null;

function openTerminal(cols, rows) {
  const { master, slave, pty: path } = native.module.open(cols, rows);
  try {
    const childSide = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
    return { master, childSide, ours: openOwnSlave(path), cols, rows };
  } catch (error) {
    closeSync(master);
    throw error;
  } finally {
    closeSync(slave);
  }
}

function closeTerminal(t) {
  for (const fd of [t.master, t.childSide, t.ours]) {
    if (fd < 0) continue;
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}

function takeTerminal(cols, rows) {
  const t = spare;
  spare = null;
  if (t && t.cols === cols && t.rows === rows) return t;
  if (t) closeTerminal(t);
  return openTerminal(cols, rows);
}

function prepareSpare(cols, rows) {
  if (spare) return;
  try {
    spare = openTerminal(cols, rows);
  } catch {
    // Out of terminals for now: the next task opens its own, and says so if it cannot.
  }
}
