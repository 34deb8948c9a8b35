"""Frozen-feature probes on unseen sequences, all three leave-one-sequence-per-species-out folds (issue 13).

    python benchmarks/probe.py [--data ../shared/data/missouri] [--configs efficientnet_lite0@260 efficientnet_lite2@260 ...]

Images are read through camtrap's own inference pipeline (`camtrap.infer.ImageFiles`: EXIF-upright, squished to the
size, normalised as the backbone wants), and each image's pooled backbone features are averaged with those of its
mirror image. Folds: the three sequences of every species, sorted by name, are numbered 0, 1, 2; fold k holds sequence
k of every species out and trains on the other two. The probe is scikit-learn's StandardScaler + multinomial
LogisticRegression; its C is chosen from a grid by the same scheme inside the training part (two inner folds, each
holding one of the two training sequences of every species out) on log loss, and a temperature is fitted on those
out-of-fold logits. Nothing of the held-out sequence is used to choose anything.

Reported over the 731 images, each held out exactly once: image-level accuracy and log loss; the same when every image
gets the pooled probabilities of its sequence (mean, geometric mean, confidence-weighted mean); a 95 % bootstrap
interval over the held-out sequences; and the ensemble of all configurations (mean of calibrated probabilities).
"""
import argparse, datetime, os, sys, time
from pathlib import Path
import numpy as np

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--configs', nargs='+', default=['efficientnet_lite0@224', 'efficientnet_lite0@260', 'efficientnet_lite0@320',
                                                 'efficientnet_lite1@240', 'efficientnet_lite1@280',
                                                 'efficientnet_lite2@260', 'efficientnet_lite2@300'])
p.add_argument('--Cs', nargs='+', type=float, default=[0.001, 0.003, 0.01, 0.03, 0.1])
p.add_argument('--boot', type=int, default=1000)
a = p.parse_args()
from camtrap.train import fast_cpu_env
env = fast_cpu_env()
if env is not None: os.execve(sys.executable, [sys.executable, *sys.argv], env)

import torch
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from camtrap.data import load_items
from camtrap.models import create_model
from camtrap.infer import ImageFiles
from camtrap.evaluate import fit_temperature

items = load_items(Path(a.data)/'labels.csv', label_col='species', group_col='sequence')
classes = sorted(items.label.unique()); y = items.label.map({c: i for i, c in enumerate(classes)}).values
rank = items.groupby('label').group.transform(lambda g: g.map({s: k for k, s in enumerate(sorted(g.unique()))})).values
assert set(rank) == {0, 1, 2}, 'expects three sequences per species'
seq = items.group.values

def features(backbone, size):
    "Pooled features of every image, averaged with its mirror image, through camtrap's inference pipeline"
    model = create_model(backbone, len(classes), head='linear').eval(); body = model[0]
    ds = ImageFiles(list(items.path), size, *model.stats)
    dl = torch.utils.data.DataLoader(ds, batch_size=32, num_workers=0)
    out = []
    with torch.no_grad():
        for x, _, err in dl:
            assert not any(err), err
            out.append(((body(x).mean((2, 3)) + body(x.flip(3)).mean((2, 3))) / 2).numpy())
    return np.concatenate(out)

def fit(X, yy, C):
    sc = StandardScaler().fit(X)
    return sc, LogisticRegression(C=C, max_iter=5000).fit(sc.transform(X), yy)

def logits(m, X): sc, clf = m; return clf.decision_function(sc.transform(X))

def logloss(P, yy): return float(-np.log(np.clip(P[np.arange(len(yy)), yy], 1e-15, 1)).mean())
def softmax(z): z = z - z.max(1, keepdims=True); e = np.exp(z); return e / e.sum(1, keepdims=True)

def probe(X):
    "Held-out calibrated probabilities of every image (each held out once), and the C and temperature of each fold"
    P, chosen = np.zeros((len(X), len(classes))), []
    for k in range(3):
        tr, te = rank != k, rank == k
        inner = np.array([sorted({0, 1, 2} - {k}).index(r) if t else -1 for r, t in zip(rank, tr)])  # 0/1: the two training sequences
        best = None
        for C in a.Cs:
            oof = np.zeros((len(X), len(classes)))
            for j in (0, 1):
                fi, fo = tr & (inner != j), tr & (inner == j)
                oof[fo] = logits(fit(X[fi], y[fi], C), X[fo])
            ll = logloss(softmax(oof[tr]), y[tr])
            if best is None or ll < best[0]: best = (ll, C, oof[tr])
        _, C, oof = best
        T = fit_temperature(torch.tensor(oof), torch.tensor(y[tr]))
        P[te] = softmax(logits(fit(X[tr], y[tr], C), X[te]) / T)
        chosen.append((C, round(T, 2)))
    return P, chosen

def pooled(P, how):
    "Every image given its sequence's pooled probabilities"
    out = np.zeros_like(P)
    for s in np.unique(seq):
        m = seq == s; Q = P[m]
        if how == 'mean': q = Q.mean(0)
        elif how == 'log-mean': q = np.exp(np.log(np.clip(Q, 1e-12, 1)).mean(0)); q /= q.sum()
        else: w = Q.max(1, keepdims=True); q = (w * Q).sum(0) / w.sum()
        out[m] = q
    return out

rng = np.random.default_rng(0); useqs = np.unique(seq); idx_of = {s: np.where(seq == s)[0] for s in useqs}
boots = [np.concatenate([idx_of[s] for s in rng.choice(useqs, len(useqs))]) for _ in range(a.boot)]
def row(name, P, extra=''):
    acc = (P.argmax(1) == y).mean(); ll = logloss(P, y)
    ba = np.percentile([(P[b].argmax(1) == y[b]).mean() for b in boots], [2.5, 97.5])
    bl = np.percentile([logloss(P[b], y[b]) for b in boots], [2.5, 97.5])
    return f'| {name} | {acc:.3f} ({ba[0]:.3f}–{ba[1]:.3f}) | {ll:.3f} ({bl[0]:.3f}–{bl[1]:.3f}) | {extra} |'

print(f'{datetime.date.today()}, `python benchmarks/probe.py {" ".join(sys.argv[1:])}`: {len(items)} images, {len(classes)} species, '
      f'{len(useqs)} sequences, 3 folds (each image held out once), {os.cpu_count()} CPUs')
print('| probe | accuracy (95 % CI) | log loss (95 % CI) | C, T per fold; features time |\n|---|---|---|---|', flush=True)
probs = {}
for cfg in a.configs:
    bb, size = cfg.split('@'); t0 = time.time(); X = features(bb, int(size)); ft = time.time() - t0
    P, chosen = probe(X); probs[cfg] = P
    print(row(cfg, P, f'{chosen}; {ft:.0f} s'), flush=True)
    for how in ('mean', 'log-mean', 'confidence-weighted'): print(row(f'{cfg}, sequence {how}', pooled(P, how)), flush=True)
E = np.mean(list(probs.values()), 0)
print(row(f'mean of the {len(probs)} probes', E))
for how in ('mean', 'log-mean', 'confidence-weighted'): print(row(f'mean of the {len(probs)} probes, sequence {how}', pooled(E, how)))
print(f'uniform guessing: accuracy {1/len(classes):.3f}, log loss {np.log(len(classes)):.3f}')
