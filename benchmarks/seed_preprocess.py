"""The Conser-vision seed's preprocessing, as the seed wrote it: one process, each image opened with PIL,
converted to RGB and saved as an optimised JPEG at full size. The baseline of benchmarks/preprocess.py."""
import os, sys
from PIL import Image

src, dst = sys.argv[1], sys.argv[2]
for dp, _, fns in os.walk(src):
    for fn in fns:
        if not fn.lower().endswith(('.jpg', '.jpeg', '.png')): continue
        out = os.path.join(dst, os.path.relpath(os.path.join(dp, fn), src))
        os.makedirs(os.path.dirname(out), exist_ok=True)
        Image.open(os.path.join(dp, fn)).convert('RGB').save(out, 'JPEG', optimize=True)
