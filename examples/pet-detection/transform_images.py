"""transform_images: turns the Oxford-IIIT Pet download into the training layout the training image reads.

Input: <raw>/images/*.jpg and <raw>/annotations/xmls/*.xml (Pascal VOC boxes of each pet's head).
Output: <out>/{train,validation}/images/*.jpg, resized so the longer side is at most --max-side, and
<out>/{train,validation}/annotations.jsonl with one line per image: {"file", "width", "height",
"boxes": [{"label", "class_id", "left", "top", "width", "height"}]}. Prints the output folder and returns
its counts (XCom) for the training job's hyperparameters.
"""

import argparse
import json
import os
import random
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

CLASSES = ('cat', 'dog')


def read_voc(path: Path) -> list[dict]:
    root = ET.parse(path).getroot()
    boxes = []
    for obj in root.iter('object'):
        label = obj.findtext('name', '').strip().lower()
        if label not in CLASSES:
            continue
        box = obj.find('bndbox')
        xmin, ymin, xmax, ymax = (float(box.findtext(k)) for k in ('xmin', 'ymin', 'xmax', 'ymax'))
        boxes.append({'label': label, 'class_id': CLASSES.index(label), 'left': xmin, 'top': ymin,
                      'width': xmax - xmin, 'height': ymax - ymin})
    return boxes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--raw', required=True, help='the folder fetch_pet_images extracted into')
    parser.add_argument('--out', required=True)
    parser.add_argument('--validation-share', type=float, default=0.15)
    parser.add_argument('--max-side', type=int, default=512)
    parser.add_argument('--seed', type=int, default=42)
    args = parser.parse_args()

    raw, out = Path(args.raw), Path(args.out)
    annotated = sorted((raw / 'annotations' / 'xmls').glob('*.xml'))
    if not annotated:
        raise SystemExit(f'no annotations under {raw / "annotations" / "xmls"}: did fetch_pet_images run?')
    random.Random(args.seed).shuffle(annotated)
    cut = int(len(annotated) * args.validation_share)
    splits = {'validation': annotated[:cut], 'train': annotated[cut:]}

    counts = {}
    for split, files in splits.items():
        images = out / split / 'images'
        images.mkdir(parents=True, exist_ok=True)
        written = 0
        with open(out / split / 'annotations.jsonl', 'w', encoding='utf-8') as manifest:
            for xml in files:
                source = raw / 'images' / f'{xml.stem}.jpg'
                boxes = read_voc(xml)
                if not boxes or not source.is_file():
                    continue
                with Image.open(source) as image:
                    image = image.convert('RGB')
                    scale = min(1.0, args.max_side / max(image.size))
                    if scale < 1.0:
                        image = image.resize((round(image.width * scale), round(image.height * scale)))
                    image.save(images / source.name, quality=92)
                    width, height = image.size
                for box in boxes:
                    for key in ('left', 'top', 'width', 'height'):
                        box[key] = round(box[key] * scale, 1)
                manifest.write(json.dumps({'file': source.name, 'width': width, 'height': height, 'boxes': boxes}) + '\n')
                written += 1
        counts[split] = written
        print(f'{split}: {written} images')

    summary = {'path': str(out.resolve()), 'train_count': counts['train'], 'validation_count': counts['validation'],
               'classes': list(CLASSES)}
    if os.environ.get('DAGSTUDIO_RETURN_FILE'):
        Path(os.environ['DAGSTUDIO_RETURN_FILE']).write_text(json.dumps(summary), encoding='utf-8')
    print(json.dumps(summary))


if __name__ == '__main__':
    main()
