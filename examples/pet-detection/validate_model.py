"""validate_model: reads the evaluation the training job wrote into its model artifact and fails below a threshold.

The training image writes evaluation.json ({"mAP": …, "per_class": {…}}) next to model.pt inside
model.tar.gz. This task downloads that archive (boto3, the worker's AWS credentials), reads the file and
exits 1 when mAP < --min-map, so the image is never built or deployed.
"""

import argparse
import io
import json
import sys
import tarfile
from urllib.parse import urlparse

import boto3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--model-uri', required=True, help='s3://bucket/…/output/model.tar.gz')
    parser.add_argument('--min-map', type=float, required=True)
    parser.add_argument('--region', default=None)
    args = parser.parse_args()

    uri = urlparse(args.model_uri)
    if uri.scheme != 's3' or not uri.path.strip('/'):
        sys.exit(f'--model-uri must be s3://bucket/key, got {args.model_uri!r}')
    body = boto3.client('s3', region_name=args.region).get_object(Bucket=uri.netloc, Key=uri.path.lstrip('/'))['Body'].read()
    with tarfile.open(fileobj=io.BytesIO(body), mode='r:gz') as archive:
        member = next((m for m in archive.getmembers() if m.name.rsplit('/', 1)[-1] == 'evaluation.json'), None)
        if member is None:
            sys.exit(f'{args.model_uri} holds no evaluation.json: the training image must write one')
        evaluation = json.load(archive.extractfile(member))

    score = float(evaluation['mAP'])
    print(f'mAP {score:.4f} (minimum {args.min_map}); per class: {evaluation.get("per_class", {})}')
    if score < args.min_map:
        sys.exit(f'mAP {score:.4f} is under the minimum {args.min_map}: not deploying this model')
    print(json.dumps({'mAP': score, 'model_uri': args.model_uri}))


if __name__ == '__main__':
    main()
