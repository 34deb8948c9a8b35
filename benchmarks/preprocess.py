"""Preprocessing throughput: `camtrap preprocess` vs the seed's approach, whole commands, in one run.

    python benchmarks/preprocess.py [--data ../shared/data/missouri] [--repeats 3] [--out benchmarks/results]

Datasets: the Missouri originals (640x640) and the same images upscaled to 1920x1080 (what real traps write),
made once into a cache folder. Each command runs from start to exit (interpreter start and imports included)
into an empty output folder; the best of `--repeats` runs is kept. Prints a Markdown table and writes it,
with the machine and the date, to OUT/preprocess.md.
"""
import argparse, os, platform, shutil, subprocess, sys, tempfile, time, datetime
from pathlib import Path
from PIL import Image

here = Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument('--data', default=str(here.parent.parent/'shared'/'data'/'missouri'))
p.add_argument('--repeats', type=int, default=3)
p.add_argument('--work', default=os.path.join(tempfile.gettempdir(), 'camtrap-bench'))
p.add_argument('--out', default=str(here/'results'))
a = p.parse_args()
data, work = Path(a.data), Path(a.work)
if not data.is_dir(): sys.exit(f'{data} is missing: point --data at the Missouri images (../shared/data/missouri)')

def hd_copy(src, dst, size=(1920, 1080)):
    "The images of `src` upscaled to 1920x1080 (made once)"
    done = dst/'.complete'
    if done.exists(): return dst
    for f in sorted(src.rglob('*.JPG')):
        o = dst/f.relative_to(src); o.parent.mkdir(parents=True, exist_ok=True)
        Image.open(f).convert('RGB').resize(size, Image.LANCZOS).save(o, quality=92)
    done.touch(); return dst

def run(cmd, out):
    if out.exists(): shutil.rmtree(out)
    t = time.perf_counter(); subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL); return time.perf_counter() - t

camtrap = shutil.which('camtrap') or sys.exit('camtrap is not installed in this environment')
sets = {'640x640 originals': data, '1920x1080 upscaled': hd_copy(data, work/'hd')}
rows = []
for name, src in sets.items():
    n = len(list(src.rglob('*.JPG')))
    for f in src.rglob('*.JPG'): f.read_bytes()  # warm the page cache for both contenders
    seed = min(run([sys.executable, str(here/'seed_preprocess.py'), str(src), str(work/'seed-out')], work/'seed-out') for _ in range(a.repeats))
    ours = min(run([camtrap, 'preprocess', str(src), str(work/'ct-out'), '--no_progress'], work/'ct-out') for _ in range(a.repeats))
    rows.append((name, n, n / seed, n / ours, seed / ours))

cpu = next((l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name')), platform.processor())
lines = [f'Machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}; {datetime.date.today()}',
         f'Command: `python benchmarks/preprocess.py --repeats {a.repeats}` (best of {a.repeats}, whole commands)', '',
         '| images | n | seed (1 process, full size, optimize=True) img/s | camtrap preprocess (256 px, all cores) img/s | ratio |',
         '|---|---|---|---|---|']
lines += [f'| {r[0]} | {r[1]} | {r[2]:.1f} | {r[3]:.1f} | {r[4]:.1f}x |' for r in rows]
text = '\n'.join(lines)
print(text)
Path(a.out).mkdir(parents=True, exist_ok=True); (Path(a.out)/'preprocess.md').write_text(text + '\n')
