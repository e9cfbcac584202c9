import type { AirflowName } from './imports';

/**
 * Python written once into an exported DAG file when a task needs it: the code that makes a bash or
 * python task behave in Airflow exactly as under `dagstudio run` (DESIGN.md §3: same env vars, exit 99
 * skips, the return file's JSON or else the last non-empty line of output is the XCom value; a task
 * runs in a terminal of its own process group, which is ended with the task).
 */

export interface PythonHelper {
  id: string;
  /** Plain `import X` modules of the standard library. */
  modules: readonly string[];
  airflow: readonly AirflowName[];
  /** Helpers this one calls (written before it). */
  requires: readonly PythonHelper[];
  code: string;
}

const RUNTIME = String.raw`# The dagstudio runtime: runs a task's process as ` + '`dagstudio run`' + String.raw` does, so the same command gives
# the same state and return value (XCom) here as on the desktop.
_ANSI = re.compile(r'\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]')


def _dagstudio_visible(line):
    """What a terminal shows of a line: colour codes dropped, and of a line redrawn with CR its last drawing."""
    text = _ANSI.sub('', line)
    cut = text.rstrip('\r').rfind('\r')
    return (text[cut + 1:] if cut >= 0 else text).rstrip()


def _dagstudio_stop(proc, grace):
    """Ends the task's whole process group: SIGTERM first when grace > 0, then SIGKILL."""
    steps = ((signal.SIGTERM, grace), (signal.SIGKILL, 0)) if grace > 0 else ((signal.SIGKILL, 0),)
    for sig, wait in steps:
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        if wait:
            try:
                proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                pass


def _dagstudio_run(operator, context, argv, env=None, cwd=None):
    """Runs argv in a pseudo-terminal, in its own process group, with dagstudio's env vars.

    Exit 0 succeeds, 99 skips, anything else fails. Returns the JSON written to $DAGSTUDIO_RETURN_FILE (its
    text when it is not JSON), else the last non-empty line of output (None when there was none). Paths are relative to this file's
    folder, as they are relative to the pipeline file on the desktop.
    """
    ti = context['ti']
    with tempfile.TemporaryDirectory(prefix='dagstudio-') as tmp:
        return_file = os.path.join(tmp, 'return.json')
        full_env = {
            'TERM': 'xterm-256color',
            **os.environ,
            'DAGSTUDIO_RUN_ID': str(context['run_id']),
            'DAGSTUDIO_TASK_ID': str(ti.task_id),
            'DAGSTUDIO_TRY_NUMBER': str(ti.try_number),
            'DAGSTUDIO_RETURN_FILE': return_file,
            **(env or {}),
        }
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 120, 0, 0))
        try:
            proc = subprocess.Popen(argv, cwd=os.path.join(DAG_FOLDER, cwd or ''), env=full_env, stdin=slave,
                                    stdout=slave, stderr=slave, start_new_session=True)
        finally:
            os.close(slave)
        operator._dagstudio_process = proc
        last = ['']

        def pump():
            pending = b''
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: every writer of the terminal is gone
                    chunk = b''
                lines = (pending + chunk).split(b'\n')
                pending = lines.pop() if chunk else b''
                for raw in lines:
                    line = raw.decode('utf-8', 'replace')
                    shown = _dagstudio_visible(line)
                    operator.log.info('%s', shown)
                    if shown:
                        last[0] = shown
                if not chunk:
                    return

        reader = threading.Thread(target=pump, name='dagstudio-output', daemon=True)
        reader.start()
        try:
            code = proc.wait()
        except BaseException:  # a timeout or a kill: end the whole tree before giving up the task
            _dagstudio_stop(proc, 5)
            raise
        finally:
            _dagstudio_stop(proc, 0)  # background jobs left in the group end with the task
            reader.join(5)
            os.close(master)
        if code == 99:
            raise AirflowSkipException('exit code 99: skipped')
        if code != 0:
            raise AirflowException(f'exit code {code}' if code > 0 else f'killed by signal {-code}')
        if os.path.exists(return_file):
            with open(return_file, encoding='utf-8') as handle:
                text = handle.read()
            try:
                return json.loads(text)
            except ValueError:  # text that is not JSON is kept as a string
                return text.strip()
        return last[0] or None


def _dagstudio_on_kill(operator):
    proc = getattr(operator, '_dagstudio_process', None)
    if proc is not None and proc.poll() is None:
        _dagstudio_stop(proc, 5)`;

const BASH = String.raw`class DagstudioBashOperator(BashOperator):
    """A BashOperator that runs its command as ` + '`dagstudio run`' + String.raw` does (see _dagstudio_run)."""

    template_ext = ()  # a command ending in ".sh" is a command to run, not a template file to load

    def execute(self, context):
        return _dagstudio_run(self, context, ['bash', '-c', self.bash_command], env=self.env, cwd=self.cwd)

    def on_kill(self):
        _dagstudio_on_kill(self)`;

const PYTHON = String.raw`class DagstudioPythonOperator(BaseOperator):
    """Runs inline Python code or a script in a subprocess, as ` + '`dagstudio run`' + String.raw` does (see _dagstudio_run)."""

    template_fields = ('code', 'script', 'args', 'interpreter', 'env', 'cwd')
    ui_color = '#ffe8b0'

    def __init__(self, *, code=None, script=None, args=(), interpreter='python3', env=None, cwd=None, **kwargs):
        super().__init__(**kwargs)
        self.code = code
        self.script = script
        self.args = list(args)
        self.interpreter = interpreter
        self.env = env
        self.cwd = cwd

    def execute(self, context):
        env = {**(self.env or {}), 'PYTHONUNBUFFERED': '1'}
        if self.script:
            argv = [self.interpreter, os.path.join(DAG_FOLDER, self.script), *self.args]
            return _dagstudio_run(self, context, argv, env=env, cwd=self.cwd)
        # Inline code runs from a file named task.py, so tracebacks name real lines (as on the desktop).
        with tempfile.TemporaryDirectory(prefix='dagstudio-python-') as folder:
            path = os.path.join(folder, 'task.py')
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(self.code or '')
            return _dagstudio_run(self, context, [self.interpreter, path, *self.args], env=env, cwd=self.cwd)

    def on_kill(self):
        _dagstudio_on_kill(self)`;

/** Paths relative to the pipeline file are relative to the DAG file's folder in Airflow. */
export const DAG_FOLDER_HELPER: PythonHelper = {
  id: 'dag_folder',
  modules: ['os'],
  airflow: [],
  requires: [],
  code: "# Paths relative to the pipeline file are relative to this file's folder.\nDAG_FOLDER = os.path.dirname(os.path.abspath(__file__))",
};

export const RUNTIME_HELPER: PythonHelper = {
  id: 'runtime',
  modules: ['fcntl', 'json', 'os', 'pty', 're', 'signal', 'struct', 'subprocess', 'tempfile', 'termios', 'threading'],
  airflow: ['AirflowException', 'AirflowSkipException'],
  requires: [DAG_FOLDER_HELPER],
  code: RUNTIME,
};

export const BASH_HELPER: PythonHelper = { id: 'bash', modules: [], airflow: ['BashOperator'], requires: [RUNTIME_HELPER], code: BASH };

export const PYTHON_HELPER: PythonHelper = { id: 'python', modules: ['os', 'tempfile'], airflow: ['BaseOperator'], requires: [RUNTIME_HELPER], code: PYTHON };

/** The helpers `wanted` need, each once, dependencies first, in a stable order. */
export function resolveHelpers(wanted: Iterable<PythonHelper>): PythonHelper[] {
  const out: PythonHelper[] = [];
  const seen = new Map<string, PythonHelper>();
  const visit = (helper: PythonHelper) => {
    const known = seen.get(helper.id);
    if (known) {
      if (known.code !== helper.code) throw new Error(`two different Airflow export helpers are named "${helper.id}"`);
      return;
    }
    seen.set(helper.id, helper);
    helper.requires.forEach(visit);
    out.push(helper);
  };
  [...wanted].sort((a, b) => a.id.localeCompare(b.id)).forEach(visit);
  return out;
}
