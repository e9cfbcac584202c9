// The pty host: a small helper process that starts the tasks' pseudo-terminals for the runner (as VS Code's
// ptyHost does). fork() costs in proportion to the forking process's memory, and the runner's process is
// big (the app, every operator's SDK); this one holds little more than node-pty, so each task starts
// several times faster. Plain JavaScript, run by `node` (or Electron as node) without a TypeScript loader.
//
// Protocol on stdin/stdout, binary frames: type (1 byte), id (uint32 BE), length (uint32 BE), payload.
//   (a task's 'P' may come a few milliseconds after it started, and always before its 'D' and 'X')
//   runner → host: 'S' spawn {file, args, cwd, envSet, envUnset, cols, rows, name} (JSON; the task's environment
//                  as a difference from the host's own, which is the runner's)
//   host → runner: 'P' started {pid} (JSON), 'F' failed to start {message} (JSON),
//                  'D' output bytes, 'X' exited {exitCode, signal} (JSON, after all its output)
// When the runner goes away (stdin ends), the host ends every process group it started, then exits.
import { startTerminal } from './pty-terminal.mjs';

const HEADER = 9;
const ANNOUNCE_MS = 20;
const live = new Map();

// The runner's environment, as tasks inherit it (without what was added to start this host as node).
const baseEnv = { ...process.env };
if (baseEnv.DAGSTUDIO_PTY_HOST_HAD_ELECTRON_RUN_AS_NODE) baseEnv.ELECTRON_RUN_AS_NODE = baseEnv.DAGSTUDIO_PTY_HOST_HAD_ELECTRON_RUN_AS_NODE;
else delete baseEnv.ELECTRON_RUN_AS_NODE;
delete baseEnv.DAGSTUDIO_PTY_HOST_HAD_ELECTRON_RUN_AS_NODE;

/* The task's whole environment, built in one copy (with what the terminal adds, so it is not copied again). */
function taskEnv(request) {
  const env = { ...baseEnv, ...request.envSet, TERM: request.name, PWD: request.cwd };
  for (const key of request.envUnset) delete env[key];
  return env;
}
// No back-pressure on the terminals: the runner reads far faster than tasks print, and the pipe's queue
// absorbs the bursts.
// Frames of one turn of the event loop leave in one write (a busy task's output arrives in small
// pieces; one system call and one wake-up of the runner for many of them).
let corked = false;
function send(type, id, payload) {
  const header = Buffer.allocUnsafe(HEADER);
  header.writeUInt8(type.charCodeAt(0), 0);
  header.writeUInt32BE(id, 1);
  header.writeUInt32BE(payload.length, 5);
  if (!corked) {
    corked = true;
    process.stdout.cork();
    setImmediate(() => {
      if (!corked) return;
      corked = false;
      process.stdout.uncork();
    });
  }
  process.stdout.write(header);
  if (payload.length > 0) process.stdout.write(payload);
  // An exit is what the runner waits on to start the next task: it leaves now, with whatever output preceded it.
  if (type === 'X') {
    corked = false;
    while (process.stdout.writableCorked > 0) process.stdout.uncork();
  }
}

const json = (value) => Buffer.from(JSON.stringify(value));

function spawnTask(id, request) {
  let pid;
  let announced = false;
  let timer = null;
  // "Started" goes out with the task's first output or its exit, or after a few milliseconds: a short
  // task then costs the runner one wake-up instead of two. (Should the runner die meanwhile, this host
  // still ends the group.)
  const announce = () => {
    if (announced) return;
    announced = true;
    clearTimeout(timer);
    send('P', id, json({ pid }));
  };
  try {
    pid = startTerminal(
      { file: request.file, args: request.args, cwd: request.cwd, env: taskEnv(request), cols: request.cols, rows: request.rows, name: request.name },
      {
        onData: (data) => {
          announce();
          send('D', id, data);
        },
        onExit: (exitCode, signal) => {
          live.delete(id);
          announce();
          send('X', id, json({ exitCode, signal: signal || null }));
        },
      },
    );
  } catch (error) {
    send('F', id, json({ message: error instanceof Error ? error.message : String(error) }));
    return;
  }
  live.set(id, pid);
  timer = setTimeout(announce, ANNOUNCE_MS);
}

// The runner may be gone (a crash): output then has nowhere to go, and that is no reason to fail.
process.stdout.on('error', () => {});

let buffered = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
  while (buffered.length >= HEADER) {
    const length = buffered.readUInt32BE(5);
    if (buffered.length < HEADER + length) break;
    const type = String.fromCharCode(buffered.readUInt8(0));
    const id = buffered.readUInt32BE(1);
    const payload = buffered.subarray(HEADER, HEADER + length);
    buffered = buffered.subarray(HEADER + length);
    if (type === 'S') spawnTask(id, JSON.parse(payload.toString('utf8')));
  }
});

process.stdin.on('end', () => {
  const groups = [...live.values()];
  const signal = (name) => {
    for (const pgid of groups) {
      try {
        process.kill(-pgid, name);
      } catch {
        // Already gone.
      }
    }
  };
  signal('SIGTERM');
  if (groups.length === 0) process.exit(0);
  setTimeout(() => {
    signal('SIGKILL');
    process.exit(0);
  }, 1000).unref();
});
