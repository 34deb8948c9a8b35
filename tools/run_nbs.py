"""Execute notebooks and keep their outputs, so the docs show the tables and figures (`nbdev_test` runs them but keeps nothing).

    python tools/run_nbs.py nbs/00_data.ipynb nbs/03_train.ipynb   # then: nbdev_clean (it keeps outputs, strips metadata)

Cells are skipped as `nbdev_test` skips them: `#| eval: false`, and cells flagged with a `tst_flags` flag of settings.ini
(`#| slow`, `#| cuda`), which would make the kept outputs depend on a long or GPU run. Stops at the first failing cell
and leaves that notebook unchanged.
"""
import sys, os, re
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell
from fastcore.xtras import working_directory
from nbdev.config import get_config

flags = set(get_config().tst_flags.split())

def skip(cell) -> bool:
    "True for cells not to run: markdown, `#| eval: false`, or a test flag"
    if cell.cell_type != 'code': return True
    direc = [l[3:].strip() for l in cell.source.splitlines() if l.startswith('#|')]
    return any(re.fullmatch(r'eval:\s*false', d, re.I) for d in direc) or any(d.split()[0] in flags for d in direc if d)

for fn in map(Path, sys.argv[1:]):
    nb = read_nb(fn)
    os.environ['IN_TEST'] = '1'
    k = CaptureShell(fn)
    with working_directory(fn.parent): k.run_all(nb, exc_stop=True, preproc=skip)
    for c in nb.cells:  # a skipped cell keeps no stale output
        if c.cell_type == 'code' and skip(c): c.outputs = []
    write_nb(nb, fn)
    print(f'{fn}: executed, outputs kept')
