"""How far can the frozen pretrained features go? A diagnostic for choosing a recipe, not a recipe.

    python benchmarks/linear_probe.py [--sizes 224 320 448] [--data ../shared/data/missouri]

Same held-out sequences as benchmarks/train.py (one sequence of each species, seed 42). Features: the pretrained
efficientnet_lite0 body, average-pooled, averaged with the horizontally flipped image, at each image size; then a
scikit-learn logistic regression (standardised features, L2, C=0.01) trained either on every training sequence or on
the training part of camtrap's grouped 80/20 split, scored on the held-out sequences.
"""
import argparse, datetime, os, sys
from pathlib import Path
import numpy as np, torch
from PIL import Image

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--sizes', nargs='+', type=int, default=[224, 320, 448])
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--C', type=float, default=0.01)
a = p.parse_args()
from camtrap.train import fast_cpu_env
env = fast_cpu_env()
if env is not None: os.execve(sys.executable, [sys.executable, *sys.argv], env)

from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, accuracy_score
from sklearn.preprocessing import StandardScaler
from heldout import missouri_heldout
from camtrap.models import create_model

items, is_test, in_grouped_train = missouri_heldout(a.data)  # the held-out sequences of benchmarks/train.py
tr = items[~is_test].reset_index(drop=True)
model = create_model('efficientnet_lite0', 20, head='linear').eval()
mean, std = (torch.tensor(s).view(1, 3, 1, 1) for s in model.stats)

def features(size):
    out = []
    for i in range(0, len(items), 32):
        ims = [np.asarray(Image.open(f).convert('RGB').resize((size, size), Image.BILINEAR)) for f in items.path[i:i + 32]]
        x = (torch.tensor(np.stack(ims)).permute(0, 3, 1, 2).float() / 255 - mean) / std
        with torch.no_grad(): out.append(((model[0](x).mean((2, 3)) + model[0](x.flip(3)).mean((2, 3))) / 2).numpy())
    return np.concatenate(out)

y = items.label.values
print(f'{datetime.date.today()}, `python benchmarks/linear_probe.py {" ".join(sys.argv[1:])}`: {len(tr)} training images '
      f'({in_grouped_train.sum()} in the grouped split\'s train part), {is_test.sum()} held-out')
print('| size | trained on | images | held-out accuracy | held-out log loss |\n|---|---|---|---|---|')
for size in a.sizes:
    X = features(size); Xtr, Xte, ytr = X[~is_test], X[is_test], y[~is_test]
    for name, m in [('every training sequence', np.ones(len(tr), bool)), ('grouped split, train part', in_grouped_train)]:
        sc = StandardScaler().fit(Xtr[m])
        clf = LogisticRegression(C=a.C, max_iter=3000).fit(sc.transform(Xtr[m]), ytr[m])
        pr = clf.predict_proba(sc.transform(Xte))
        print(f'| {size} | {name} | {m.sum()} | {accuracy_score(y[is_test], clf.classes_[pr.argmax(1)]):.3f} | '
              f'{log_loss(y[is_test], pr, labels=clf.classes_):.3f} |', flush=True)
