"""validate_model: scores the trained model on the held-back rows and fails the run when it is not good enough.

Exit 1 (the task fails, and every task after it is upstream_failed) when accuracy < --min-accuracy.
"""

import argparse
import json
import pickle

import numpy as np

from mlops_common import fail, return_value, run_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--work-dir', default='')
    parser.add_argument('--min-accuracy', type=float, required=True)
    args = parser.parse_args()

    folder = run_dir(args.work_dir) / 'model'
    if not (folder / 'model.pkl').is_file():
        fail(f'{folder / "model.pkl"} does not exist: run train_model first')
    with open(folder / 'model.pkl', 'rb') as source:
        model = pickle.load(source)['model']
    with np.load(folder / 'holdout.npz') as data:
        X, y = data['X'], data['y']

    predicted = model.predict(X)
    accuracy = float(np.mean(predicted == y))
    metrics = {'accuracy': round(accuracy, 4), 'min_accuracy': args.min_accuracy, 'holdout_rows': int(len(y)),
               'errors': int(np.sum(predicted != y))}
    (folder / 'metrics.json').write_text(json.dumps(metrics, indent=2), encoding='utf-8')

    print(f'holdout accuracy {accuracy:.4f} on {len(y)} rows (minimum {args.min_accuracy})')
    if accuracy < args.min_accuracy:
        fail(f'accuracy {accuracy:.4f} is under the minimum {args.min_accuracy}: the model is not deployed')
    return_value(metrics)


if __name__ == '__main__':
    main()
