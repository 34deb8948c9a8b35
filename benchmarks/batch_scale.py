"""A batch run at field scale (issue 11 §5): `camtrap predict` over 100,000 images — images/s, peak memory at 10k
vs 100k images, and a kill -9 at about half way followed by `--resume`, whose output must equal an uninterrupted run's.

    python benchmarks/batch_scale.py [--n 100000] [--small 10000] [--size 64] [--work /tmp/camtrap-scale]

The images: the 383 sample photos (sample_data/missouri) saved again as small JPEGs (96 px, quality 85) and repeated
under new names (hard links, `cam000/…` to `cam099/…`) up to `--n`; a CSV lists them with an `event` column (five images
per event) so the run also writes the events table, the part of the output that grows with the input. The model: an
efficientnet_lite0 run folder with random weights at `--size` px (speed and memory do not depend on the values; a
small input keeps the 100k run to minutes on a 2-core CPU, so the figures measure camtrap's batch machinery —
listing, chunks, checkpoints, joining, events — more than the network).

Each run is a whole `camtrap predict` command in its own process; its peak resident memory comes from `wait4`
(the kernel's ru_maxrss). The interrupted run is killed (SIGKILL, its whole process group) once half of its parts
are on disk, then run again with `--resume`; the script compares both output files byte for byte with the
uninterrupted run's.
"""
import argparse, datetime, filecmp, json, os, platform, shutil, signal, subprocess, sys, time
from pathlib import Path

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--n', type=int, default=100_000)
p.add_argument('--small', type=int, default=10_000)
p.add_argument('--size', type=int, default=64)
p.add_argument('--chunk', type=int, default=1000)
p.add_argument('--work', default='/tmp/camtrap-scale')
a = p.parse_args()

from PIL import Image
work = Path(a.work); shutil.rmtree(work, ignore_errors=True); (work/'base').mkdir(parents=True)
src = sorted((here.parent/'sample_data'/'missouri').rglob('*.JPG'))
base = []
for i, f in enumerate(src):
    b = work/'base'/f'{i:03d}.jpg'; Image.open(f).convert('RGB').resize((96, 96)).save(b, quality=85); base.append(b)
t = time.perf_counter()
for i in range(a.n):
    d = work/'images'/f'cam{i % 100:03d}'; d.mkdir(parents=True, exist_ok=True)
    os.link(base[i % len(base)], d/f'IMG_{i:06d}.jpg')
def table(n, name):
    rows = [f'images/cam{i % 100:03d}/IMG_{i:06d}.jpg,ev{i // 5:06d}' for i in range(n)]
    (work/name).write_text('filepath,event\n' + '\n'.join(rows) + '\n'); return work/name
big, small = table(a.n, 'all.csv'), table(a.small, 'small.csv')
print(f'{a.n} images written in {time.perf_counter() - t:.0f} s', flush=True)

import torch
from camtrap.models import create_model
run = work/'run'; run.mkdir()
classes = sorted(d.name for d in (here.parent/'sample_data'/'missouri').iterdir() if d.is_dir())
torch.manual_seed(0)
torch.save(create_model('efficientnet_lite0', len(classes), pretrained=False).state_dict(), run/'model.pth')
(run/'model.json').write_text(json.dumps(dict(backbone='efficientnet_lite0', head='fastai', classes=classes, size=a.size,
                                              mean=[.5]*3, std=[.5]*3, temperature=1.0)))
camtrap = shutil.which('camtrap') or str(Path(sys.executable).parent/'camtrap')

def predict(csv, out, *extra, kill_at=None):
    "Run `camtrap predict`; returns (seconds, peak RSS MiB, killed)"
    cmd = [camtrap, 'predict', str(run), str(csv), '--out', str(out), '--group_col', 'event', '--chunk', str(a.chunk), *extra]
    log = open(str(out) + '.log', 'a'); t = time.perf_counter()
    pr = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    killed = False
    while True:
        pid, status, ru = os.wait4(pr.pid, os.WNOHANG)
        if pid: break
        if kill_at is not None and not killed and len(list(Path(out).with_suffix('.parts').glob('0*[0-9].csv'))) >= kill_at:
            os.killpg(pr.pid, signal.SIGKILL); killed = True
        time.sleep(0.2)
    secs = time.perf_counter() - t
    code = os.waitstatus_to_exitcode(status)
    if code and not killed: sys.exit(f'{cmd} failed ({code}): see {out}.log')
    return secs, ru.ru_maxrss / 1024, killed

nparts = -(-a.n // a.chunk)
s_small, m_small, _ = predict(small, work/'out-small.csv')
print(f'{a.small}: {s_small:.0f} s, {m_small:.0f} MiB', flush=True)
s_big, m_big, _ = predict(big, work/'out-all.csv')
print(f'{a.n}: {s_big:.0f} s, {m_big:.0f} MiB', flush=True)
s_k, m_k, killed = predict(big, work/'out-killed.csv', kill_at=nparts // 2)
left = len(list((work/'out-killed.parts').glob('0*[0-9].csv')))
s_r, m_r, _ = predict(big, work/'out-killed.csv', '--resume')
same = all(filecmp.cmp(work/f'out-all{x}.csv', work/f'out-killed{x}.csv', shallow=False) for x in ('', '.events'))
n_rows = sum(1 for _ in open(work/'out-all.csv')) - 1; n_ev = sum(1 for _ in open(work/'out-all.events.csv')) - 1

cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
print(f'\n{datetime.date.today()}, {cpu}, {os.cpu_count()} cores, `python benchmarks/batch_scale.py --n {a.n} --small {a.small} '
      f'--size {a.size} --chunk {a.chunk}`\n')
print('| run | images | wall s | images/s | peak RSS MiB |\n|---|---|---|---|---|')
print(f'| uninterrupted | {a.small:,} | {s_small:.0f} | {a.small / s_small:.0f} | {m_small:.0f} |')
print(f'| uninterrupted | {a.n:,} | {s_big:.0f} | {a.n / s_big:.0f} | {m_big:.0f} |')
print(f'| killed (SIGKILL) with {left} of {nparts} parts on disk | {a.n:,} | {s_k:.0f} | | {m_k:.0f} |')
print(f'| `--resume` of it | {a.n:,} | {s_r:.0f} | {(a.n - left * a.chunk) / s_r:.0f} (images left) | {m_r:.0f} |')
print(f'\npeak RSS 100k / 10k: {m_big / m_small:.2f}x; output rows {n_rows:,}, events {n_ev:,}; '
      f'resumed output identical to the uninterrupted run (predictions and events CSVs, byte for byte): {same}')
if not (killed and same and n_rows == a.n): sys.exit('FAILED: the resumed run differs, or the kill came too late')
