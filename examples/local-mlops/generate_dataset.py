"""generate_dataset: draws a labelled image dataset of two classes (circles and squares) with noise.

No download: every image is made here, reproducibly from --seed. Writes <run dir>/dataset/<class>/NNNN.png,
a labels.csv, and one held-back probe image per class (dataset/probe/<class>.png) for the service check.
"""

import argparse
import csv

import numpy as np
from PIL import Image, ImageDraw

from mlops_common import CLASSES, IMAGE_SIZE, fail, return_value, run_dir


def draw(shape: str, rng: np.random.Generator) -> Image.Image:
    """One noisy IMAGE_SIZE×IMAGE_SIZE grayscale picture of a filled circle or square."""
    background = int(rng.integers(0, 60))
    image = Image.new('L', (IMAGE_SIZE, IMAGE_SIZE), background)
    size = int(rng.integers(12, 25))
    left = int(rng.integers(1, IMAGE_SIZE - size))
    top = int(rng.integers(1, IMAGE_SIZE - size))
    box = (left, top, left + size - 1, top + size - 1)
    fill = int(rng.integers(170, 256))
    if shape == 'circle':
        ImageDraw.Draw(image).ellipse(box, fill=fill)
    else:
        ImageDraw.Draw(image).rectangle(box, fill=fill)
    noisy = np.asarray(image, dtype=np.float64) + rng.normal(0.0, 18.0, (IMAGE_SIZE, IMAGE_SIZE))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--work-dir', default='', help='root of the work folders (default: the system temp folder)')
    parser.add_argument('--count', type=int, default=300, help='number of images, split evenly between the classes')
    parser.add_argument('--seed', type=int, default=7)
    args = parser.parse_args()
    if args.count < 20:
        fail(f'--count must be at least 20 (got {args.count})')

    folder = run_dir(args.work_dir)
    dataset = folder / 'dataset'
    rng = np.random.default_rng(args.seed)
    rows = []
    for index in range(args.count):
        label = CLASSES[index % len(CLASSES)]
        class_dir = dataset / label
        class_dir.mkdir(parents=True, exist_ok=True)
        path = class_dir / f'{index:04d}.png'
        draw(label, rng).save(path)
        rows.append((path.relative_to(dataset).as_posix(), label))
    with open(dataset / 'labels.csv', 'w', newline='', encoding='utf-8') as out:
        writer = csv.writer(out)
        writer.writerow(('path', 'label'))
        writer.writerows(rows)

    probes = dataset / 'probe'
    probes.mkdir(exist_ok=True)
    probe_rng = np.random.default_rng(args.seed + 1000)
    for label in CLASSES:
        draw(label, probe_rng).save(probes / f'{label}.png')

    print(f'drew {len(rows)} images of {", ".join(CLASSES)} into {dataset}')
    return_value({'run_dir': str(folder), 'dataset': str(dataset), 'images': len(rows), 'classes': list(CLASSES)})


if __name__ == '__main__':
    main()
