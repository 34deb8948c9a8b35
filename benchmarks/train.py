"""Accuracy and log loss of training recipes on sequences never seen in training, in one run.

    python benchmarks/train.py [--recipes seed default] [--data ../shared/data/missouri] [--out benchmarks/results]
                               [--set key=value ...]   (recipe overrides applied to every recipe but 'seed')

The Missouri images (731, 20 species, 3 camera-trigger sequences each): one whole sequence of every species is held
out as the test set (chosen with a fixed seed); each recipe trains on the rest with its own train/valid split, the same
pretrained efficientnet_lite0, and is scored on the held-out sequences. For the `seed` recipe the random-split
validation accuracy it reports is shown beside, to show how much a random split overstates.
"""
import argparse, json, os, sys, time, tempfile, datetime, platform
from pathlib import Path
import numpy as np, pandas as pd

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--recipes', nargs='+', default=['seed', 'default'])
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--out', default=str(here/'results'))
p.add_argument('--set', nargs='*', default=[], help='recipe overrides for non-seed recipes, e.g. size=288 epochs=10')
p.add_argument('--seed', type=int, default=42)
p.add_argument('--fold', type=int, default=None, help='hold out fold 0/1/2 of benchmarks/probe.py instead of a random sequence per species')
p.add_argument('--tta', action='store_true', help='test-time augmentation in the evaluation of every recipe')
a = p.parse_args()
from camtrap.train import fast_cpu_env
env = fast_cpu_env()
if env is not None: os.execve(sys.executable, [sys.executable, *sys.argv], env)  # allocator settings, as `camtrap train` does

from heldout import missouri_heldout, missouri_fold
from camtrap.train import train, get_recipe
items, is_test, _ = missouri_heldout(a.data, a.seed) if a.fold is None else missouri_fold(a.data, a.fold, a.seed)
train_items, test_items = items[~is_test].reset_index(drop=True), items[is_test].reset_index(drop=True)
def val(v):
    try: return json.loads(v)
    except ValueError: return v
ov = {k: val(v) for k, v in (s.split('=', 1) for s in a.set)}
rows = []
for name in a.recipes:
    r = get_recipe(name, **({} if name == 'seed' else ov))
    run = Path(tempfile.mkdtemp())/name
    t = time.time()
    m = train(train_items, run, r, test_items=test_items, seed=a.seed, tta=a.tta)
    hist = pd.read_json((run/'select' if r.refit else run)/'metrics.jsonl', lines=True)  # validated epochs, not the refit's
    best_valid_acc = hist.accuracy.max()
    rows.append(dict(recipe=name, overrides='' if name == 'seed' else ' '.join(a.set), split=r.split, size=r.size,
                     epochs=r.freeze_epochs + r.epochs, valid_accuracy=round(best_valid_acc, 3), test_accuracy=round(m['accuracy'], 3),
                     test_log_loss=round(m['log_loss'], 3), test_log_loss_uncalibrated=round(m['log_loss_uncalibrated'], 3),
                     tta=a.tta, macro_f1=round(m['macro_f1'], 3), minutes=round((time.time() - t) / 60, 1)))
    print(rows[-1], flush=True)
df = pd.DataFrame(rows)
base = df[df.recipe == 'seed'].iloc[0] if (df.recipe == 'seed').any() else None
if base is not None:
    df['accuracy_gain_points'] = ((df.test_accuracy - base.test_accuracy) * 100).round(1)
    df['log_loss_ratio'] = (df.test_log_loss / base.test_log_loss).round(2)
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
text = (f'{datetime.date.today()}, {cpu}, {os.cpu_count()} cores; `python benchmarks/train.py {" ".join(sys.argv[1:])}`; '
        f'{len(train_items)} training images, {len(test_items)} held-out images (one sequence of each species'
        + (f', fold {a.fold}' if a.fold is not None else '') + ')\n\n' + df.to_string(index=False))
print(text)
Path(a.out).mkdir(parents=True, exist_ok=True)
with open(Path(a.out)/'train.md', 'a') as f: f.write(text + '\n\n')
