"""Recipes on all three leave-one-sequence-per-species-out folds of the Missouri images (issue 13).

    python benchmarks/recipes_cv.py [--recipes default ensemble] [--data ../shared/data/missouri] [--boot 1000]

Fold k holds sequence k (by sorted name) of every species out and trains on the other two — the folds of
`benchmarks/probe.py`, so the figures compare with its probes. Each recipe is trained three times through
`camtrap.train.train` (what `camtrap train` runs) and scored on its held-out sequences, image by image and per trigger
sequence (the mean of its images' probabilities). Reported over the 731 images, each held out once: accuracy and log
loss with a 95 % bootstrap interval over the 60 sequences, the same per sequence, and the training time of each fold.
"""
import argparse, datetime, os, sys, time, tempfile, warnings
from pathlib import Path
import numpy as np, pandas as pd

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--recipes', nargs='+', default=['default', 'ensemble'])
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--boot', type=int, default=1000)
a = p.parse_args()
from camtrap.train import fast_cpu_env
env = fast_cpu_env()
if env is not None: os.execve(sys.executable, [sys.executable, *sys.argv], env)

sys.path.insert(0, str(here))
from heldout import missouri_fold, boot_ci
from camtrap.train import train
from camtrap.evaluate import score
from camtrap.infer import pool_events

print(f'{datetime.date.today()}, `python benchmarks/recipes_cv.py {" ".join(sys.argv[1:])}`, {os.cpu_count()} CPUs')
print('| recipe | images: accuracy (95 % CI) | images: log loss (95 % CI) | sequences: accuracy | sequences: log loss | train time per fold |\n|---|---|---|---|---|---|', flush=True)
for name in a.recipes:
    preds, secs = [], []
    for k in range(3):
        items, is_test, _ = missouri_fold(a.data, k, 42)
        tr, te = items[~is_test].reset_index(drop=True), items[is_test].reset_index(drop=True)
        run = Path(tempfile.mkdtemp())/name; t = time.time()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore'); train(tr, run, name, test_items=te, events='group')
        secs.append(time.time() - t)
        pr = pd.read_csv(run/'predictions.csv')
        preds.append(pr.assign(group=list(te.set_index('path').loc[pr.path, 'group'])))
    P = pd.concat(preds, ignore_index=True); classes = sorted(P.label.unique())
    y = P.label.map({c: i for i, c in enumerate(classes)}).values; Pr = P[classes].values
    s = score(Pr, y, classes); ba, bl = boot_ci(Pr, y, P.group, a.boot, np.random.default_rng(0))
    ids, Q, _ = pool_events(Pr, P.group)
    yq = np.array([y[(P.group.astype(str) == e).values][0] for e in ids]); se = score(Q, yq, classes)
    print(f"| {name} | {s['accuracy']:.3f} ({ba[0]:.3f}–{ba[1]:.3f}) | {s['log_loss']:.3f} ({bl[0]:.3f}–{bl[1]:.3f}) | "
          f"{se['accuracy']:.3f} ({se['n']}) | {se['log_loss']:.3f} | {', '.join(f'{x:.0f} s' for x in secs)} |", flush=True)
