"""Check the built docs site (`python tools/docs.py` first) in a real browser: headless Chromium driven by Playwright.

    python tools/docs_check.py [--site _docs] [--chromium /usr/bin/chromium]

Every page of `_docs/` is served on loopback and loaded; a page fails on any console error, uncaught script error,
failed or non-200 request, image that did not load (natural size 0), or internal link to a missing page or anchor. Every
public name of the library (`__all__` of each module) must have its entry — the anchor nbdev's doc links point at — on
its chapter page. The search box is typed into and its first hit followed, over http and from `file://`. Screenshots
of the index, the train chapter and the command-line page go to `_docs/screenshots/`. Exit 1 with the list of problems.
"""
import argparse, functools, importlib, shutil, sys, threading, time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
# Chromium on a machine with no way out: no background connections, no GPU, as root no sandbox (../shared/ENVIRONMENT.md)
FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage']

class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *a): pass

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--site', default=str(ROOT/'_docs'))
    ap.add_argument('--chromium', default=shutil.which('chromium') or shutil.which('chromium-browser') or '/usr/bin/chromium')
    a = ap.parse_args()
    site = Path(a.site).resolve(); t0 = time.time()
    if not (site/'index.html').exists(): sys.exit(f'{site}/index.html not found: build the site first with python tools/docs.py')
    if not Path(a.chromium).exists(): sys.exit(f'no Chromium at {a.chromium}: install it (Debian: apt-get install chromium) or pass --chromium')
    srv = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f'http://127.0.0.1:{srv.server_address[1]}/'
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob('*.html'))
    problems, ids, texts, links, n_img, external = [], {}, {}, [], 0, set()
    shots = site/'screenshots'; shots.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=a.chromium, args=FLAGS)
        page = browser.new_page(viewport={'width': 1440, 'height': 1000})
        errors = []
        page.on('console', lambda m: m.type == 'error' and errors.append(f'console: {m.text}'))
        page.on('pageerror', lambda e: errors.append(f'script error: {e}'))
        page.on('requestfailed', lambda r: errors.append(f'request failed: {r.url} ({r.failure})'))
        page.on('response', lambda r: r.status >= 400 and errors.append(f'HTTP {r.status}: {r.url}'))
        for f in files:
            errors.clear()
            page.goto(base + f, wait_until='load')
            info = page.evaluate('''() => ({
                ids: [...document.querySelectorAll('[id]')].map(e => e.id),
                links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
                imgs: [...document.images].map(i => [i.getAttribute('src').slice(0, 80), i.complete, i.naturalWidth, i.naturalHeight]),
                title: document.title, main: (document.querySelector('main') || document.body).innerText })''')
            ids[f] = set(info['ids']); texts[f] = info['main']
            problems += [f'{f}: {e}' for e in errors]
            for src, done, w, h in info['imgs']:
                n_img += 1
                if not (done and w > 0 and h > 0): problems.append(f'{f}: image {src!r} did not load ({w}x{h})')
            if len(info['main']) < 200 and not f.startswith('src/'): problems.append(f'{f}: page has almost no text ({len(info["main"])} characters)')
            links += [(f, h) for h in info['links']]
            if f in ('index.html', 'train.html', 'commands.html', 'command-train.html'): page.screenshot(path=str(shots/f'{Path(f).stem}.png'))
        for f, h in links:
            u = urlsplit(urljoin(base + f, h))
            if u.scheme in ('http', 'https') and not (base + f).startswith(f'{u.scheme}://{u.netloc}/'): external.add(h); continue
            if u.scheme not in ('http', 'https'): continue
            target = u.path.lstrip('/') or 'index.html'
            if target not in ids and not (site/target).is_file(): problems.append(f'{f}: broken link {h!r} (no {target})'); continue
            if u.fragment and target in ids and u.fragment not in ids[target]: problems.append(f'{f}: broken link {h!r} (no #{u.fragment} on {target})')
        from camtrap._modidx import d as modidx
        n_api = 0
        for mod, syms in modidx['syms'].items():
            pages = [w[0].partition('#')[0] for w in syms.values()]
            home = max(set(pages), key=pages.count) if pages else f'{mod.split(".")[-1]}.html'
            for n in getattr(importlib.import_module(mod), '__all__', []):
                n_api += 1; where = syms.get(f'{mod}.{n}')
                if where is None:  # constants and generated names: nbdev indexes no entry, the chapter must still show them
                    if n not in texts.get(home, ''): problems.append(f'{mod}.{n}: not on its chapter page {home}')
                    continue
                pg, _, anchor = where[0].partition('#')
                if pg not in ids: problems.append(f'{mod}.{n}: its page {pg} is not in the site')
                elif anchor not in ids[pg]: problems.append(f'{mod}.{n}: no entry #{anchor} on {pg}')
        for start in (base + 'index.html', (site/'index.html').as_uri()):  # the search box, served and opened as a file
            errors.clear(); page.goto(start, wait_until='load')
            page.fill('#q', 'batch_predict'); page.wait_for_selector('#hits li a', timeout=5000)
            first = page.eval_on_selector('#hits li a', 'a => a.href')
            if 'infer.html#batch_predict' not in first: problems.append(f'search from {start}: first hit for batch_predict is {first}')
            if start == base + 'index.html':
                page.fill('#q', 'camtrap dp'); page.wait_for_selector('#hits li a'); page.screenshot(path=str(shots/'search.png'))
                page.fill('#q', 'batch_predict'); page.wait_for_selector('#hits li a')
            page.press('#q', 'Enter'); page.wait_for_load_state('load')
            if not page.url.endswith('infer.html#batch_predict') or not page.is_visible('[id="batch_predict"]'):
                problems.append(f'search from {start}: Enter went to {page.url}')
            problems += [f'search from {start}: {e}' for e in errors]
        browser.close()
    srv.shutdown()
    print(f'{len(files)} pages, {len(links)} links ({len(external)} external, not followed), {n_img} images, {n_api} API entries '
          f'checked in {chromium_version(a.chromium)} in {time.time() - t0:.0f} s; screenshots in {shots}')
    if problems:
        print(f'{len(problems)} problem(s):'); print('\n'.join(f'  {p}' for p in problems[:200])); sys.exit(1)
    print('docs site OK')

def chromium_version(exe) -> str:
    import subprocess
    try: return subprocess.run([exe, '--version'], capture_output=True, text=True, timeout=30).stdout.strip() or exe
    except Exception: return exe

if __name__ == '__main__': main()
