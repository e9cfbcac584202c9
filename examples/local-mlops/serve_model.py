"""The prediction service (Flask): POST an image to /predict and get {"prediction", "prob"} back.

Accepts the image as the raw request body (Content-Type image/png …), as a multipart file field `image`
(or `file`), or as JSON {"image": "<base64>"}. GET /health answers {"status": "ok", …}.
Listens on 127.0.0.1 on a free port and writes {"pid", "port", "url"} to --state-file once it accepts
connections; exits by itself after --max-lifetime seconds so a run that never reached stop_service
cannot leave it behind for long.
"""

import argparse
import base64
import binascii
import io
import json
import os
import pickle
import tarfile
import threading
from pathlib import Path

from flask import Flask, jsonify, request
from werkzeug.serving import make_server

from mlops_common import features_of, load_image


def load_package(path: Path) -> tuple[object, list[str], dict]:
    with tarfile.open(path, 'r:gz') as archive:
        model = pickle.load(archive.extractfile('model.pkl'))
        metadata = json.load(archive.extractfile('metadata.json'))
    return model['model'], model['classes'], metadata


def image_bytes() -> bytes | None:
    """The posted image, however it was sent."""
    upload = request.files.get('image') or request.files.get('file')
    if upload is not None:
        return upload.read()
    if request.is_json:
        body = request.get_json(silent=True) or {}
        encoded = body.get('image') if isinstance(body, dict) else None
        if not isinstance(encoded, str):
            return None
        try:
            return base64.b64decode(encoded, validate=True)
        except binascii.Error:
            return None
    return request.get_data() or None


def create_app(package: Path) -> Flask:
    model, classes, metadata = load_package(package)
    app = Flask('local-mlops')

    @app.get('/health')
    def health():
        return jsonify(status='ok', run_id=metadata.get('run_id'), accuracy=metadata['metrics']['accuracy'])

    @app.post('/predict')
    def predict():
        data = image_bytes()
        if not data:
            return jsonify(error='send an image: raw body, multipart field "image", or JSON {"image": base64}'), 400
        try:
            pixels = load_image(io.BytesIO(data))
        except Exception as error:  # Pillow raises several types for a bad image; all mean the same to the caller.
            return jsonify(error=f'not a readable image: {error}'), 400
        probabilities = model.predict_proba([features_of(pixels)])[0]
        best = int(probabilities.argmax())
        return jsonify(prediction=classes[best], prob=round(float(probabilities[best]), 4))

    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--package', required=True)
    parser.add_argument('--state-file', required=True)
    parser.add_argument('--max-lifetime', type=float, default=900.0)
    args = parser.parse_args()

    server = make_server('127.0.0.1', 0, create_app(Path(args.package)), threaded=True)
    port = server.server_port
    state = Path(args.state_file)
    partial = state.with_suffix('.tmp')
    partial.write_text(json.dumps({'pid': os.getpid(), 'port': port, 'url': f'http://127.0.0.1:{port}'}), encoding='utf-8')
    partial.replace(state)  # the starter never reads a half-written file
    timer = threading.Timer(args.max_lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    print(f'serving on http://127.0.0.1:{port} (pid {os.getpid()})', flush=True)
    server.serve_forever()


if __name__ == '__main__':
    main()
