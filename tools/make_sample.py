"""Build the samples shipped in `sample_data/` from ../shared/data/missouri.

Keeps whole camera-trigger sequences only and downsizes them to 384x384 JPEGs:
- `sample_data/missouri`: the two shortest sequences of each species (every species has one sequence per side of a
  grouped split; the tests use this one);
- `sample_data/missouri-more`: the third sequence of each species, so that `camtrap demo` can train on two sequences
  per species and score on a third it has never seen.
Run from the repo root: `python tools/make_sample.py ../shared/data/missouri sample_data`.
"""
import csv, json, shutil, sys
from collections import defaultdict
from pathlib import Path
from PIL import Image

src, dst_root = Path(sys.argv[1]), Path(sys.argv[2])
rows = list(csv.DictReader(open(src/'labels.csv')))
seqs = defaultdict(lambda: defaultdict(list))
for r in rows: seqs[r['species']][r['sequence']].append(r)

ATTRIBUTION = """Source: the Missouri Camera Traps data set — Zhang, Z., He, Z., Cao, G., Cao, W. "Animal Detection
From Highly Cluttered Natural Scenes Using Spatiotemporal Object Region Proposals and Patch
Verification", IEEE Transactions on Multimedia 18(10), 2016, doi:10.1109/TMM.2016.2594138 —
as redistributed on LILA BC (https://lila.science) under the Community Data License Agreement,
permissive variant (CDLA-Permissive-1.0). Keep this attribution with any copy of these images.
"""

def build(name, pick, what):
    dst = dst_root/name
    keep = [r for sp in sorted(seqs) for seq in pick(sorted(seqs[sp], key=lambda s: (len(seqs[sp][s]), s))) for r in seqs[sp][seq]]
    if dst.exists(): shutil.rmtree(dst)
    for r in keep:
        out = dst/r['filepath']
        out.parent.mkdir(parents=True, exist_ok=True)
        with Image.open(src/r['filepath']) as im: im.convert('RGB').resize((384, 384), Image.LANCZOS).save(out, quality=85)
    with open(dst/'labels.csv', 'w', newline='') as f:
        w = csv.DictWriter(f, fieldnames=['filepath', 'species', 'sequence']); w.writeheader(); w.writerows(keep)
    (dst/'README.md').write_text(f"""# Missouri Camera Traps sample ({len(keep)} images, {len(seqs)} species)

Real camera-trap photos (Reconyx, day colour and night infrared), downsized to 384x384 JPEGs,
keeping whole camera-trigger sequences: {what}.
Layout: `<NN.NN-Species>/<SEQUENCE>/<SEQUENCE>_IMG_000N.JPG`; `labels.csv` has
`filepath,species,sequence` with paths relative to this folder. `detections.json` holds the data set's own animal
boxes in MegaDetector's batch-output format (from the YOLO `.txt` files of the originals, every box `conf` 0.9; images
without a box have no detections). Rebuilt by `tools/make_sample.py`.

{ATTRIBUTION}""")
    write_detections(dst, keep)
    print(f'{len(keep)} images, {len(seqs)} species -> {dst}')

def write_detections(dst, keep):
    "The originals' YOLO boxes (normalised, so the downsizing keeps them) as MegaDetector JSON beside the sample"
    from camtrap.field import yolo_to_megadetector
    md = yolo_to_megadetector(src)
    files = {r['filepath'] for r in keep}
    md['images'] = [e for e in md['images'] if e['file'] in files]
    (dst/'detections.json').write_text(json.dumps(md, indent=1))

if sys.argv[3:] == ['--detections-only']:  # the images as they are; only detections.json again
    for name, pick in [('missouri', lambda s: s[:2]), ('missouri-more', lambda s: s[2:])]:
        write_detections(dst_root/name, [r for sp in sorted(seqs) for seq in pick(sorted(seqs[sp], key=lambda s: (len(seqs[sp][s]), s))) for r in seqs[sp][seq]])
    sys.exit()
build('missouri', lambda s: s[:2], 'the two shortest sequences of each species')
build('missouri-more', lambda s: s[2:], "the third sequence of each species (the two others are in `../missouri`), which `camtrap demo` holds out")
