"""Time and memory of one head-only (frozen) epoch, with the backbone's BatchNorm training (fastai's `freeze`) or frozen
too (`train_bn=False`, the `default` recipe). Run once per setting, each in its own process, under /usr/bin/time:

    /usr/bin/time -f "maxrss %M KB" python benchmarks/frozen_epoch.py --train_bn 1
    /usr/bin/time -f "maxrss %M KB" python benchmarks/frozen_epoch.py --train_bn 0

The `default` recipe at 320 px, batch 64, on the training part of a grouped 80/20 split of the Missouri images.
"""
import argparse, os, sys, time
from pathlib import Path

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--train_bn', type=int, choices=[0, 1], required=True)
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
a = p.parse_args()
from camtrap.train import fast_cpu_env
env = fast_cpu_env()
if env is not None: os.execve(sys.executable, [sys.executable, *sys.argv], env)  # allocator settings, as `camtrap train` does

from camtrap.data import load_items, split_grouped
from camtrap.train import make_learner, get_recipe, run_items
items = load_items(Path(a.data)/'labels.csv', label_col='species', group_col='sequence')
r = get_recipe('default', train_bn=bool(a.train_bn))
df = run_items(split_grouped(items, valid_pct=0.2, seed=42), r)
learn = make_learner(df, r)
learn.freeze()
t = time.time()
with learn.no_bar(), learn.no_logging(): learn.fit_one_cycle(1, r.lr)
print(f'train_bn={bool(a.train_bn)}: {(df.split == "train").sum()} images, one frozen epoch {time.time() - t:.1f} s '
      f'(train loss {learn.recorder.values[-1][0]:.3f})')
