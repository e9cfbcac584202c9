"""featurize: turns every image of the dataset into a feature vector (numpy) and writes the training table.

Writes <run dir>/features/features.npz (X, y, class names) and features.json (what the columns mean), the
folder that the next task uploads to S3.
"""

import argparse
import csv
import json

import numpy as np

from mlops_common import CLASSES, features_of, fail, load_image, return_value, run_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--work-dir', default='')
    args = parser.parse_args()

    folder = run_dir(args.work_dir)
    dataset = folder / 'dataset'
    labels_file = dataset / 'labels.csv'
    if not labels_file.is_file():
        fail(f'{labels_file} does not exist: run generate_dataset first')
    with open(labels_file, newline='', encoding='utf-8') as source:
        rows = list(csv.DictReader(source))

    X = np.stack([features_of(load_image(dataset / row['path'])) for row in rows])
    y = np.array([CLASSES.index(row['label']) for row in rows])
    out = folder / 'features'
    out.mkdir(exist_ok=True)
    np.savez_compressed(out / 'features.npz', X=X, y=y, classes=np.array(CLASSES))
    (out / 'features.json').write_text(
        json.dumps({'rows': int(X.shape[0]), 'columns': int(X.shape[1]), 'classes': list(CLASSES),
                    'layout': ['extent', 'fill', *[f'orientation_{i}' for i in range(8)], *[f'thumb_{i}' for i in range(64)]]},
                   indent=2),
        encoding='utf-8')

    print(f'featurized {X.shape[0]} images into {X.shape[1]} features each')
    return_value({'features': str(out), 'rows': int(X.shape[0]), 'columns': int(X.shape[1])})


if __name__ == '__main__':
    main()
