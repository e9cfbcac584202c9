"""Helpers shared by the local-mlops example's tasks: the run's work folder, return values, image features.

Every task of one run works in the same folder, `<work root>/<run id>`, so two runs never share files
and each run's dataset, features and model stay on disk after it ends for a look.
"""

import json
import os
import re
import sys
import tempfile
from pathlib import Path

import numpy as np

CLASSES = ('circle', 'square')
IMAGE_SIZE = 32


def run_dir(work_root: str) -> Path:
    """The run's own work folder under `work_root` (the system temp folder when empty)."""
    root = Path(work_root) if work_root.strip() else Path(tempfile.gettempdir()) / 'dagstudio-local-mlops'
    run_id = os.environ.get('DAGSTUDIO_RUN_ID', 'standalone')
    # A run id such as manual__2025-01-01T10:00:00+00:00 becomes a folder name on any OS.
    folder = root.expanduser().resolve() / re.sub(r'[^A-Za-z0-9_.-]+', '_', run_id)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def return_value(value: dict) -> None:
    """Hands `value` to downstream tasks (XCom) through $DAGSTUDIO_RETURN_FILE, and prints it for the log."""
    text = json.dumps(value, sort_keys=True)
    target = os.environ.get('DAGSTUDIO_RETURN_FILE')
    if target:
        Path(target).write_text(text, encoding='utf-8')
    print(text, flush=True)


def fail(message: str) -> None:
    """Ends the task as failed with one clear line in its log."""
    print(f'error: {message}', file=sys.stderr, flush=True)
    sys.exit(1)


def features_of(pixels: np.ndarray) -> np.ndarray:
    """Shape features of one grayscale image (values 0..255): what separates a circle from a square.

    - extent: the share of the shape's bounding box that the shape fills (a disc fills π/4, a square all of it);
    - orientation histogram of the edges, weighted by strength (a square's edges are only horizontal and
      vertical, a circle's point every way);
    - a coarse 8×8 thumbnail, so the model also sees the overall layout.
    """
    image = pixels.astype(np.float64) / 255.0
    mask = image > 0.5
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    if rows.size and cols.size:
        box = (rows[-1] - rows[0] + 1) * (cols[-1] - cols[0] + 1)
        extent = mask.sum() / box
    else:
        extent = 0.0
    gy, gx = np.gradient(image)
    magnitude = np.hypot(gx, gy)
    angle = np.mod(np.arctan2(gy, gx), np.pi)
    histogram, _ = np.histogram(angle, bins=8, range=(0.0, np.pi), weights=magnitude)
    histogram = histogram / (histogram.sum() or 1.0)
    thumbnail = image.reshape(8, IMAGE_SIZE // 8, 8, IMAGE_SIZE // 8).mean(axis=(1, 3)).ravel()
    return np.concatenate([[extent, mask.mean()], histogram, thumbnail])


def load_image(data) -> np.ndarray:
    """A grayscale IMAGE_SIZE×IMAGE_SIZE array from a path or a file-like object holding any image Pillow reads."""
    from PIL import Image

    with Image.open(data) as image:
        gray = image.convert('L')
        if gray.size != (IMAGE_SIZE, IMAGE_SIZE):
            gray = gray.resize((IMAGE_SIZE, IMAGE_SIZE))
        return np.asarray(gray)
