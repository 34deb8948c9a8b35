"""The held-out set of the training benchmarks: one whole camera sequence of each Missouri species, chosen with a fixed
seed, so that `train.py`, `linear_probe.py` and `crop_probe.py` all score on the same sequences."""
from pathlib import Path
import numpy as np
from camtrap.data import load_items, split_grouped

def missouri_heldout(data, seed:int=42):
    "`(items, is_test, in_grouped_train)`: the table, the held-out mask, and the training rows of camtrap's grouped 80/20 split"
    items = load_items(Path(data)/'labels.csv', label_col='species', group_col='sequence')
    rng = np.random.default_rng(seed)
    test_seqs = {lbl: rng.choice(sorted(g.group.unique())) for lbl, g in items.groupby('label')}
    is_test = items.group.isin(set(test_seqs.values())).values
    train = items[~is_test].reset_index(drop=True)
    return items, is_test, (split_grouped(train, valid_pct=0.2, seed=seed).split == 'train').values

def missouri_fold(data, k:int, seed:int=42):
    "Like `missouri_heldout`, but fold `k` of benchmarks/probe.py: the k-th sequence (sorted by name) of every species held out"
    items = load_items(Path(data)/'labels.csv', label_col='species', group_col='sequence')
    rank = items.groupby('label').group.transform(lambda g: g.map({s: i for i, s in enumerate(sorted(g.unique()))})).values
    is_test = rank == k
    train = items[~is_test].reset_index(drop=True)
    return items, is_test, (split_grouped(train, valid_pct=0.2, seed=seed).split == 'train').values

def boot_ci(P, y, groups, n, rng):
    "95 % intervals of accuracy and log loss over `n` bootstrap resamples of whole groups (sequences)"
    g = np.asarray(groups); u = np.unique(g); idx = {s: np.where(g == s)[0] for s in u}
    accs, lls = [], []
    for _ in range(n):
        b = np.concatenate([idx[s] for s in rng.choice(u, len(u))])
        accs.append((P[b].argmax(1) == y[b]).mean()); lls.append(-np.log(np.clip(P[b, y[b]], 1e-15, 1)).mean())
    return np.percentile(accs, [2.5, 97.5]), np.percentile(lls, [2.5, 97.5])
