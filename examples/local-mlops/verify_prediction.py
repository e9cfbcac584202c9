"""verify_prediction: checks the service's answer for the probe image (what check_prediction got back).

Fails unless the predicted class is the expected one with at least --min-prob confidence.
"""

import argparse

from mlops_common import fail, return_value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--expected', required=True)
    parser.add_argument('--prediction', required=True)
    parser.add_argument('--prob', required=True)
    parser.add_argument('--min-prob', type=float, default=0.5)
    args = parser.parse_args()

    try:
        prob = float(args.prob)
    except ValueError:
        fail(f'the service answered prob={args.prob!r}, not a number')
    if args.prediction != args.expected:
        fail(f'the service predicted {args.prediction!r} (prob {prob}) for an image of a {args.expected}')
    if prob < args.min_prob:
        fail(f'the service predicted {args.prediction!r} with prob {prob}, under {args.min_prob}')
    print(f'the service recognised the {args.expected} (prob {prob})')
    return_value({'prediction': args.prediction, 'prob': prob, 'expected': args.expected})


if __name__ == '__main__':
    main()
