"""Training throughput: `camtrap` (cached images, channels_last, allocator settings) vs the seeds' plain PyTorch loop.

    python benchmarks/train_speed.py [--data ../shared/data/missouri] [--epochs 2]

Same model (efficientnet_lite0 + linear head), 224 px, batch 64, AdamW 1e-3, no augmentation, over all Missouri
images. The seed loop runs as the seeds wrote it: decode and resize the original JPEG every epoch in 2 loader
workers, default environment. camtrap runs in a child process started the way the `camtrap` command starts
(allocator settings), from the resized cache. Images/s counts training images of the epochs after the first
(warm-up), wall time. Prints a Markdown table; each contender runs in its own process, one after the other.
"""
import argparse, os, subprocess, sys, time, json, tempfile, datetime, platform
from pathlib import Path

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--epochs', type=int, default=2)
p.add_argument('--which', default=None)
p.add_argument('--workers', type=int, default=None, help='camtrap loader processes (default: its own default)')
a = p.parse_args()

SEED = r'''
import sys, time, json, torch, torch.nn as nn, pandas as pd, timm
from pathlib import Path
from PIL import Image
from torchvision import transforms as T
data, epochs = Path(sys.argv[1]), int(sys.argv[2])
df = pd.read_csv(data/'labels.csv'); classes = sorted(df.species.unique())
tf = T.Compose([T.Resize((224, 224)), T.ToTensor(), T.Normalize([.5]*3, [.5]*3)])
class DS(torch.utils.data.Dataset):
    def __len__(self): return len(df)
    def __getitem__(self, i): return tf(Image.open(data/df.filepath[i]).convert('RGB')), classes.index(df.species[i])
dl = torch.utils.data.DataLoader(DS(), batch_size=64, shuffle=True, num_workers=2, drop_last=True)
m = timm.create_model('tf_efficientnet_lite0', num_classes=len(classes))
opt = torch.optim.AdamW(m.parameters(), 1e-3); lossf = nn.CrossEntropyLoss(); m.train()
times = []
for e in range(epochs):
    t = time.time(); n = 0
    for x, y in dl: opt.zero_grad(); lossf(m(x), y).backward(); opt.step(); n += len(x)
    times.append((n, time.time() - t))
print(json.dumps(times))
'''
CAMTRAP = r'''
import sys, time, json, warnings
from pathlib import Path
warnings.simplefilter('ignore')
from camtrap.data import load_items
from camtrap.train import get_recipe, cache_images, make_learner
from fastai.vision.all import Callback
data, epochs = Path(sys.argv[1]), int(sys.argv[2])
items = load_items(data/'labels.csv', label_col='species', group_col='sequence').assign(split='train')
items.loc[items.index[:64], 'split'] = 'valid'  # fastai needs a validation set; kept small, not timed
r = get_recipe('seed', bs=64, size=224)
df = cache_images(items, size=256)
learn = make_learner(df, r, pretrained=False, num_workers=int(sys.argv[3]) if len(sys.argv) > 3 else None)
class T(Callback):
    def before_train(self): self.t, self.n = time.time(), 0
    def after_batch(self):
        if self.training: self.n += len(self.yb[0])
    def after_train(self): times.append((self.n, time.time() - self.t))
times = []
with learn.no_bar(), learn.no_logging(): learn.fit(epochs, 1e-3, cbs=T())
print(json.dumps(times))
'''
def run(code, env):
    out = subprocess.run([sys.executable, '-c', code, a.data, str(a.epochs), *([str(a.workers)] if a.workers is not None else [])], capture_output=True, text=True, env=env)
    if out.returncode: sys.exit(out.stderr[-3000:])
    times = json.loads(out.stdout.strip().splitlines()[-1])[1:]
    return sum(n for n, _ in times) / sum(t for _, t in times)

from camtrap.train import FAST_CPU_ENV
base = {k: v for k, v in os.environ.items() if k not in FAST_CPU_ENV}
seed = run(SEED, base) if a.which in (None, 'seed') else float('nan')
ours = run(CAMTRAP, {**base, **FAST_CPU_ENV}) if a.which in (None, 'camtrap') else float('nan')
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
print(f'{datetime.date.today()}, {cpu}, {os.cpu_count()} cores, `python benchmarks/train_speed.py --epochs {a.epochs}`\n')
print('| seed loop img/s | camtrap img/s | ratio |\n|---|---|---|')
print(f'| {seed:.1f} | {ours:.1f} | {ours / seed:.2f}x |')
