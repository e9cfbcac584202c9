"""train_model: fits a scikit-learn classifier on the features downloaded from S3.

Holds back a quarter of the rows (stratified, seeded) for validate_model, and writes <run dir>/model/model.pkl
with the held-back split beside it.
"""

import argparse
import pickle
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mlops_common import fail, return_value, run_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--work-dir', default='')
    parser.add_argument('--input', default='', help='folder holding features.npz (default: <run dir>/training_input)')
    parser.add_argument('--c', type=float, default=1.0, help='inverse regularisation strength of the logistic regression')
    parser.add_argument('--seed', type=int, default=7)
    args = parser.parse_args()

    folder = run_dir(args.work_dir)
    source = (Path(args.input) if args.input else folder / 'training_input') / 'features.npz'
    if not source.is_file():
        fail(f'{source} does not exist: the features were not downloaded')
    with np.load(source) as data:
        X, y, classes = data['X'], data['y'], [str(c) for c in data['classes']]

    train_rows, test_rows = train_test_split(np.arange(len(y)), test_size=0.25, stratify=y, random_state=args.seed)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=args.c, max_iter=2000))
    model.fit(X[train_rows], y[train_rows])
    train_accuracy = float(model.score(X[train_rows], y[train_rows]))

    out = folder / 'model'
    out.mkdir(exist_ok=True)
    with open(out / 'model.pkl', 'wb') as target:
        pickle.dump({'model': model, 'classes': classes}, target)
    np.savez(out / 'holdout.npz', X=X[test_rows], y=y[test_rows])

    print(f'trained on {len(train_rows)} rows, holding back {len(test_rows)}; training accuracy {train_accuracy:.3f}')
    return_value({'model': str(out / 'model.pkl'), 'train_rows': int(len(train_rows)),
                  'holdout_rows': int(len(test_rows)), 'train_accuracy': round(train_accuracy, 4)})


if __name__ == '__main__':
    main()
