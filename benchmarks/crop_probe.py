"""Do crops around the animal help the frozen features? An exploration, not a recipe.

    python benchmarks/crop_probe.py [--data ../shared/data/missouri]

Same held-out sequences and linear probe as benchmarks/linear_probe.py (pretrained efficientnet_lite0 body,
average-pooled, flip-averaged, logistic regression), on three inputs: the full frame at 320 px; a square crop at 224 px
around the animal found by motion (each frame minus its sequence's median frame, brightness-normalised, smoothed; the
box of the strongest difference), and a square crop around the data set's own boxes (the `.txt` beside each image:
an oracle no deployment has), plus full frame + motion crop features concatenated.
"""
import argparse, os, sys, time
from pathlib import Path
import numpy as np, torch
from PIL import Image
from scipy.ndimage import uniform_filter
here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
a = p.parse_args()
from camtrap.train import fast_cpu_env
env = fast_cpu_env()
if env is not None: os.execve(sys.executable, [sys.executable, *sys.argv], env)
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, accuracy_score
from sklearn.preprocessing import StandardScaler
from heldout import missouri_heldout
from camtrap.models import create_model
items, is_test, in_gt = missouri_heldout(a.data)
tr = items[~is_test].reset_index(drop=True)
model = create_model('efficientnet_lite0', 20, head='linear').eval()
mean, std = (torch.tensor(s).view(1, 3, 1, 1) for s in model.stats)

def oracle_box(p):
    t = Path(p).with_suffix('.txt')
    b = [l.split() for l in t.read_text().splitlines() if l.strip()] if t.exists() else []
    if not b: return None
    b = np.array([[float(v) for v in r[1:5]] for r in b])
    x0 = (b[:,0]-b[:,2]/2).min(); x1 = (b[:,0]+b[:,2]/2).max(); y0 = (b[:,1]-b[:,3]/2).min(); y1 = (b[:,1]+b[:,3]/2).max()
    return x0, y0, x1, y1

S = 128
def motion_boxes(paths):
    g = np.stack([np.asarray(Image.open(p).convert('L').resize((S, S), Image.BILINEAR), np.float32) for p in paths])
    g = g / (g.mean((1, 2), keepdims=True) + 1e-3)
    bg = np.median(g, 0)
    out = []
    for fr in g:
        d = np.abs(fr - bg)
        d = uniform_filter(d, 7)
        if len(paths) < 3 or d.max() < 1e-6: out.append(None); continue
        thr = max(d.max() * 0.5, np.percentile(d, 99) )
        ys, xs = np.nonzero(d >= thr)
        w = d[ys, xs]
        cy, cx = (ys * w).sum() / w.sum(), (xs * w).sum() / w.sum()
        out.append((xs.min()/S, ys.min()/S, (xs.max()+1)/S, (ys.max()+1)/S, cx/S, cy/S))
    return out

def square(box, minside=0.25, pad=0.15):
    x0, y0, x1, y1 = box[:4]
    cx, cy = (x0+x1)/2, (y0+y1)/2
    s = max(x1-x0, y1-y0) * (1 + 2*pad); s = min(max(s, minside), 1.0)
    cx = min(max(cx, s/2), 1-s/2); cy = min(max(cy, s/2), 1-s/2)
    return cx-s/2, cy-s/2, cx+s/2, cy+s/2

boxes_m = {}
for seq, g in items.groupby('group'):
    for p, b in zip(g.path, motion_boxes(list(g.path))): boxes_m[p] = b
# how often the motion centre falls in the oracle box
hit = []
for p in items.path:
    o, m = oracle_box(p), boxes_m[p]
    if o is None or m is None: continue
    hit.append(o[0] <= m[4] <= o[2] and o[1] <= m[5] <= o[3])
print('motion centre inside oracle box:', np.mean(hit), len(hit))

def img_crop(p, box, size):
    im = Image.open(p).convert('RGB')
    if box is not None:
        W, H = im.size; x0, y0, x1, y1 = square(box)
        im = im.crop((int(x0*W), int(y0*H), int(x1*W), int(y1*H)))
    return np.asarray(im.resize((size, size), Image.BILINEAR))

def features(kind, size):
    out = []
    for i in range(0, len(items), 32):
        ps = items.path[i:i+32]
        if kind == 'full': ims = [img_crop(p, None, size) for p in ps]
        elif kind == 'oracle': ims = [img_crop(p, oracle_box(p), size) for p in ps]
        else: ims = [img_crop(p, boxes_m[p], size) for p in ps]
        x = (torch.tensor(np.stack(ims)).permute(0, 3, 1, 2).float() / 255 - mean) / std
        with torch.no_grad(): out.append(((model[0](x).mean((2, 3)) + model[0](x.flip(3)).mean((2, 3))) / 2).numpy())
    return np.concatenate(out)
y = items.label.values
def probe(X, name):
    Xtr, Xte, ytr = X[~is_test], X[is_test], y[~is_test]
    for nm, m in [('all', np.ones(len(tr), bool)), ('gtrain', in_gt)]:
        for C in [0.003, 0.01, 0.03]:
            sc = StandardScaler().fit(Xtr[m]); clf = LogisticRegression(C=C, max_iter=3000).fit(sc.transform(Xtr[m]), ytr[m])
            pr = clf.predict_proba(sc.transform(Xte))
            print(f'{name:20s} {nm:6s} C={C}: acc {accuracy_score(y[is_test], clf.classes_[pr.argmax(1)]):.3f} ll {log_loss(y[is_test], pr, labels=clf.classes_):.3f}', flush=True)
F = {}
for kind, size in [('full', 320), ('motion', 224), ('oracle', 224)]:
    t = time.time(); F[kind] = features(kind, size); print(kind, size, f'{time.time()-t:.0f}s'); probe(F[kind], f'{kind}{size}')
probe(np.concatenate([F['full'], F['motion']], 1), 'full+motion')
