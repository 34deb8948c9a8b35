"""Whole frame vs MegaDetector-style crops vs both, for the default probe, on the three leave-one-sequence-per-species-out
folds of the Missouri images (issue 11 §1).

    python benchmarks/crops_cv.py [--data ../shared/data/missouri] [--size 384] [--boot 1000]

The boxes are the data set's own (the YOLO `.txt` beside each image, as MegaDetector JSON by
`camtrap.field.yolo_to_megadetector`); 537 of the 731 images have one. Features: the frozen efficientnet_lite0 of the
`default` recipe at `--size`, mirror-averaged, through `camtrap.probe.extract_features`; the crop is `camtrap.field`'s
padded square (`crop_items`). Each input gets the recipe's probe (`fit_probe`: C by grouped CV on the training
sequences, temperature on out-of-fold logits). Scored on the held-out images that have a box (the ones a crop model can
see), and over all images with the whole frame standing in where there is no box:
- `whole`: the whole frame; `crop`: the crop; `both`: whole-frame and crop features side by side;
- `crop|whole`: the crop where there is a box, else the whole-frame model (all 731 images).
"""
import argparse, datetime, os, sys, warnings
from pathlib import Path
import numpy as np, pandas as pd
here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--size', type=int, default=384)
p.add_argument('--boot', type=int, default=1000)
a = p.parse_args()
from camtrap.train import fast_cpu_env
env = fast_cpu_env()
if env is not None: os.execve(sys.executable, [sys.executable, *sys.argv], env)
sys.path.insert(0, str(here))
from heldout import missouri_fold, boot_ci
from camtrap.field import yolo_to_megadetector, crop_items
from camtrap.probe import probe_model, extract_features, fit_probe, linear_logits, _softmax
from camtrap.evaluate import score

items, _, _ = missouri_fold(a.data, 0)
classes = sorted(items.label.unique()); y_all = items.label.map({c: i for i, c in enumerate(classes)}).values
md = yolo_to_megadetector(a.data)
crops = crop_items(items, md)
has = items.path.isin(set(crops.source)).values
model = probe_model([('efficientnet_lite0', a.size)], len(classes))
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    (Xw,), ew = extract_features(model, items.path); (Xc_,), ec = extract_features(model, crops.path)
assert not ew and not ec
Xc = np.full_like(Xw, np.nan); Xc[np.flatnonzero(has)] = Xc_[pd.Series(range(len(crops)), index=crops.source).loc[items.path[has]].values]
Xb = np.concatenate([Xw, Xc], 1)
print(f'{datetime.date.today()}, `python benchmarks/crops_cv.py {" ".join(sys.argv[1:])}`, {os.cpu_count()} CPUs; {has.sum()} of {len(items)} images have a box')
P = {k: np.zeros((len(items), len(classes))) for k in ('whole', 'crop', 'both')}
for k in range(3):
    _, is_test, _ = missouri_fold(a.data, k)
    for name, X, rows in [('whole', Xw, ~is_test), ('crop', Xc, ~is_test & has), ('both', Xb, ~is_test & has)]:
        f = fit_probe(X[rows], y_all[rows], items.group.values[rows], len(classes))
        te = is_test & (has if name != 'whole' else True)
        P[name][te] = _softmax(linear_logits(X[te], f['W'], f['b']) / f['temperature'])
P['crop|whole'] = np.where(has[:, None], P['crop'], P['whole'])
rng = np.random.default_rng(0)
print('| input | images scored | accuracy (95 % CI) | log loss (95 % CI) |\n|---|---|---|---|')
for name, rows in [('whole', has), ('crop', has), ('both', has), ('whole', np.ones(len(items), bool)), ('crop|whole', np.ones(len(items), bool))]:
    Pr, y, g = P[name][rows], y_all[rows], items.group.values[rows]
    s = score(Pr, y, classes); ba, bl = boot_ci(Pr, y, g, a.boot, rng)
    print(f"| {name} | {rows.sum()} ({'with a box' if rows.sum() < len(items) else 'all'}) | {s['accuracy']:.3f} ({ba[0]:.3f}–{ba[1]:.3f}) | {s['log_loss']:.3f} ({bl[0]:.3f}–{bl[1]:.3f}) |", flush=True)
