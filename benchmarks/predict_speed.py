"""Prediction throughput: `camtrap predict` (whole command) vs a plain PyTorch loop (whole script), in one run.

    python benchmarks/predict_speed.py [--data ../shared/data/missouri] [--repeats 2]

Both load the same model (an efficientnet_lite0 run folder written here with random weights: speed does not
depend on the values) and predict every Missouri original (640x640 JPEG) at 224 px, batch 64, and write a CSV of
probabilities. The plain loop: PIL open → resize → tensor → normalise, batches of 64 in the main process,
`torch.no_grad()`, as the seeds' inference scripts did. Whole commands from start to exit, best of `--repeats`.
"""
import argparse, json, os, subprocess, sys, tempfile, time, datetime, platform, shutil
from pathlib import Path

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--repeats', type=int, default=2)
a = p.parse_args()

import torch
from camtrap.models import create_model
run = Path(tempfile.mkdtemp())/'run'; run.mkdir()
classes = sorted(d.name for d in Path(a.data).iterdir() if d.is_dir())
torch.save(create_model('efficientnet_lite0', len(classes), pretrained=False).state_dict(), run/'model.pth')
(run/'model.json').write_text(json.dumps(dict(backbone='efficientnet_lite0', head='fastai', classes=classes, size=224,
                                              mean=[.5]*3, std=[.5]*3, temperature=1.0)))
PLAIN = r'''
import sys, json, torch, numpy as np, pandas as pd
from pathlib import Path
from PIL import Image
from camtrap.infer import load_model
model, meta = load_model(sys.argv[1]); src = Path(sys.argv[2])
files = sorted(src.rglob('*.JPG')); out = []
with torch.no_grad():
    for i in range(0, len(files), 64):
        xs = [torch.from_numpy(np.asarray(Image.open(f).convert('RGB').resize((224, 224)), dtype=np.float32) / 255).permute(2, 0, 1)
              for f in files[i:i + 64]]
        x = (torch.stack(xs) - 0.5) / 0.5
        out.append(model(x).softmax(1).numpy())
pd.DataFrame(np.concatenate(out), columns=meta['classes']).assign(filepath=[str(f) for f in files]).to_csv(sys.argv[3], index=False)
'''
def timed(cmd):
    t = time.perf_counter(); r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode: sys.exit(r.stderr[-3000:])
    return time.perf_counter() - t
n = len(list(Path(a.data).rglob('*.JPG')))
camtrap = shutil.which('camtrap') or str(Path(sys.executable).parent/'camtrap')
plain = min(timed([sys.executable, '-c', PLAIN, str(run), a.data, str(run/'plain.csv')]) for _ in range(a.repeats))
ours = min(timed([camtrap, 'predict', str(run), a.data, '--out', str(run/'ours.csv')]) for _ in range(a.repeats))
cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
print(f'{datetime.date.today()}, {cpu}, {os.cpu_count()} cores, `python benchmarks/predict_speed.py --repeats {a.repeats}`, {n} images\n')
print('| plain loop img/s | camtrap predict img/s | ratio |\n|---|---|---|')
print(f'| {n / plain:.1f} | {n / ours:.1f} | {plain / ours:.2f}x |')
