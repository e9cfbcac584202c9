"""Pet detection service: POST an image to /predict → {"prediction", "prob", "box"}.

At start it downloads MODEL_S3_URI (the training job's model.tar.gz: a TorchScript detector model.pt and
labels.json) with the pod's IAM role, then answers requests on $PORT. GET /health is the probe.
"""

import io
import json
import os
import tarfile
import tempfile
from urllib.parse import urlparse

import boto3
import torch
from flask import Flask, jsonify, request
from PIL import Image
from torchvision.transforms.functional import to_tensor


def load_model(uri: str):
    location = urlparse(uri)
    body = boto3.client('s3').get_object(Bucket=location.netloc, Key=location.path.lstrip('/'))['Body'].read()
    folder = tempfile.mkdtemp(prefix='model-')
    with tarfile.open(fileobj=io.BytesIO(body), mode='r:gz') as archive:
        archive.extractall(folder, filter='data')
    with open(os.path.join(folder, 'labels.json'), encoding='utf-8') as labels:
        return torch.jit.load(os.path.join(folder, 'model.pt'), map_location='cpu').eval(), json.load(labels)


model, labels = load_model(os.environ['MODEL_S3_URI'])
app = Flask(__name__)


@app.get('/health')
def health():
    return jsonify(status='ok', model=os.environ['MODEL_S3_URI'])


@app.post('/predict')
def predict():
    upload = request.files.get('image') or request.files.get('file')
    data = upload.read() if upload else request.get_data()
    if not data:
        return jsonify(error='send an image as the body or as the multipart field "image"'), 400
    try:
        image = Image.open(io.BytesIO(data)).convert('RGB')
    except Exception as error:  # Pillow raises several types for a bad image; all mean the same to the caller.
        return jsonify(error=f'not a readable image: {error}'), 400
    with torch.no_grad():
        detections = model([to_tensor(image)])[1][0]  # TorchScript detectors return (losses, detections)
    if len(detections['scores']) == 0:
        return jsonify(prediction=None, prob=0.0, box=None)
    best = int(detections['scores'].argmax())
    return jsonify(prediction=labels[int(detections['labels'][best])], prob=round(float(detections['scores'][best]), 4),
                   box=[round(float(v), 1) for v in detections['boxes'][best]])
