"""start_service: starts the prediction service in the background and waits until it answers /health.

The service runs in its own session (not the task's process group), so it outlives this task; stop_service
ends it. Its log is <run dir>/service/service.log; its pid and port are in <run dir>/service/service.json.
Returns {"url", "predict_url", "pid", "probe", "probe_label"}: probe is the base64 PNG of a held-back image.
"""

import argparse
import base64
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from mlops_common import fail, return_value, run_dir

HERE = Path(__file__).resolve().parent


def wait_for_state(state: Path, service: subprocess.Popen, deadline: float) -> dict:
    while time.monotonic() < deadline:
        if service.poll() is not None:
            fail(f'the service exited with code {service.returncode} before it was ready (see its log)')
        if state.is_file():
            return json.loads(state.read_text(encoding='utf-8'))
        time.sleep(0.1)
    service.kill()
    fail('the service did not start in time (see its log)')
    raise AssertionError('unreachable')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--work-dir', default='')
    parser.add_argument('--probe-label', default='circle')
    parser.add_argument('--timeout', type=float, default=60.0)
    args = parser.parse_args()

    folder = run_dir(args.work_dir)
    package = folder / 'package' / 'model.tar.gz'
    if not package.is_file():
        fail(f'{package} does not exist: run package_model first')
    service_dir = folder / 'service'
    service_dir.mkdir(exist_ok=True)
    state = service_dir / 'service.json'
    state.unlink(missing_ok=True)

    with open(service_dir / 'service.log', 'ab') as log:
        service = subprocess.Popen(
            [sys.executable, str(HERE / 'serve_model.py'), '--package', str(package), '--state-file', str(state)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=folder, start_new_session=True)
    deadline = time.monotonic() + args.timeout
    info = wait_for_state(state, service, deadline)
    while True:
        try:
            with urllib.request.urlopen(f'{info["url"]}/health', timeout=5) as reply:
                health = json.load(reply)
            break
        except OSError:
            if time.monotonic() > deadline:
                service.kill()
                fail('the service never answered /health')
            time.sleep(0.2)

    probe = folder / 'dataset' / 'probe' / f'{args.probe_label}.png'
    print(f'service pid {info["pid"]} is up at {info["url"]} (model accuracy {health["accuracy"]}); log: {service_dir / "service.log"}')
    return_value({'url': info['url'], 'predict_url': f'{info["url"]}/predict', 'pid': info['pid'],
                  'probe_label': args.probe_label, 'probe': base64.b64encode(probe.read_bytes()).decode('ascii')})


if __name__ == '__main__':
    main()
