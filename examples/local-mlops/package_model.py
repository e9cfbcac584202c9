"""package_model: bundles the validated model and its metadata into one archive, what the service loads.

Writes <run dir>/package/model.tar.gz holding model.pkl and metadata.json (classes, metrics, run id).
"""

import argparse
import io
import json
import os
import tarfile
import time

from mlops_common import fail, return_value, run_dir


def add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(time.time())
    archive.addfile(info, io.BytesIO(data))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--work-dir', default='')
    args = parser.parse_args()

    folder = run_dir(args.work_dir)
    model_file = folder / 'model' / 'model.pkl'
    metrics_file = folder / 'model' / 'metrics.json'
    if not metrics_file.is_file():
        fail(f'{metrics_file} does not exist: the model was not validated')
    metadata = {
        'run_id': os.environ.get('DAGSTUDIO_RUN_ID', 'standalone'),
        'metrics': json.loads(metrics_file.read_text(encoding='utf-8')),
        'input': 'a grayscale or colour image (PNG, JPEG …), resized to 32×32',
        'created': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
    }
    out = folder / 'package'
    out.mkdir(exist_ok=True)
    package = out / 'model.tar.gz'
    with tarfile.open(package, 'w:gz') as archive:
        archive.add(model_file, arcname='model.pkl')
        add_bytes(archive, 'metadata.json', json.dumps(metadata, indent=2).encode('utf-8'))

    print(f'packaged the model into {package} ({package.stat().st_size} bytes)')
    return_value({'package': str(package), 'accuracy': metadata['metrics']['accuracy']})


if __name__ == '__main__':
    main()
