"""Render nbs/index.ipynb into README.md (nbdev_readme needs quarto, which cannot be installed offline).

    python tools/readme.py          # write README.md
    python tools/readme.py --check  # exit 1 if README.md is not what index.ipynb renders to (CI)
"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
nb = json.loads((root/'nbs'/'index.ipynb').read_text())
out = ['<!-- Generated from nbs/index.ipynb by tools/readme.py: edit the notebook, not this file. -->', '']
for c in nb['cells']:
    src = ''.join(c['source'])
    if c['cell_type'] == 'markdown':
        out += [re.sub(r'\]\((images/[^)]+)\)', r'](nbs/\1)', src), '']
    elif not re.match(r'\s*#\|\s*(hide|export)', src):
        code = '\n'.join(l for l in src.splitlines() if not l.startswith('#|')).strip()
        if code: out += ['```python', code, '```', '']
text = '\n'.join(out).rstrip() + '\n'
if '--check' in sys.argv:
    if (root/'README.md').read_text() != text: sys.exit('README.md is out of date: run python tools/readme.py')
else: (root/'README.md').write_text(text)
