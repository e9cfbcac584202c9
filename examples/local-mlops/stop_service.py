"""stop_service: ends the prediction service that start_service left running, if there is one.

Runs whatever happened upstream (trigger rule all_done): SIGTERM, then SIGKILL after a grace period.
Succeeds when nothing was started.
"""

import argparse
import json
import os
import signal
import time
from pathlib import Path

from mlops_common import return_value, run_dir


def is_running(pid: int) -> bool:
    stat = Path(f'/proc/{pid}/stat')
    if stat.exists():
        # A killed process that nobody reaped yet (a zombie) is not running any more.
        try:
            return stat.read_text().rsplit(')', 1)[1].split()[0] != 'Z'
        except (OSError, IndexError):
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_our_service(pid: int) -> bool:
    """Guards against a reused pid: on Linux the command line must be our serve_model.py."""
    cmdline = Path(f'/proc/{pid}/cmdline')
    if not cmdline.exists():
        return is_running(pid)
    try:
        return b'serve_model.py' in cmdline.read_bytes()
    except OSError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--work-dir', default='')
    parser.add_argument('--grace', type=float, default=5.0)
    args = parser.parse_args()

    state = run_dir(args.work_dir) / 'service' / 'service.json'
    if not state.is_file():
        print('no service was started in this run: nothing to stop')
        return_value({'stopped': False})
        return
    pid = int(json.loads(state.read_text(encoding='utf-8'))['pid'])
    if not is_running(pid) or not is_our_service(pid):
        print(f'the service (pid {pid}) had already ended')
        state.unlink()
        return_value({'stopped': False, 'pid': pid})
        return

    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + args.grace
    while is_running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if is_running(pid):
        print(f'the service (pid {pid}) ignored SIGTERM for {args.grace}s: killing it')
        os.kill(pid, signal.SIGKILL)
        while is_running(pid):
            time.sleep(0.05)
    state.unlink()
    print(f'stopped the service (pid {pid})')
    return_value({'stopped': True, 'pid': pid})


if __name__ == '__main__':
    main()
