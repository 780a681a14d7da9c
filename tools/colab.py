"""Give every notebook of the book the cell that installs the package where it is missing (Colab), as fastbook and d2l do.

    python tools/colab.py            # insert or update the cell in nbs/*.ipynb
    python tools/colab.py --check    # exit 1, naming the notebooks, if any lacks the cell or has a stale one

The "Open in Colab" link under each chapter's title opens the notebook in a Python that has no `dbn_book`, so the
chapter's first import would fail. This script puts one hidden cell (`#| hide`: not on the site) near the top of
every notebook in nbs/ (not the `_` scratch ones): where `dbn_book` can be imported it does nothing; elsewhere it
pip-installs the package from the repository that settings.ini names (git_url), with its `dev` extra, because every
chapter also imports nbdev's `show_doc` and fastcore's tests, which the extra brings at the versions the book is
tested with. It is plain Python (IPython's `%pip` inside `try`/`except` is not), so nbdev_test, the preview and a
plain interpreter all accept it.

The cell goes after the cells that must stay first (the title's markdown, nbdev's `#| default_exp` line) and so
before the first cell that imports dbn_book. Its id is fixed (`colab-install`), so the script is idempotent: a
second run changes nothing, and a cell whose text is stale (a new git_url) is rewritten in its place. This script is
the source of the cell's text; tests/test_colab.py checks every notebook against it.
"""
import argparse, configparser, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CELL_ID = 'colab-install'
MARKER = '# Colab, or any Python without the book:'
IMPORTS_BOOK = re.compile(r'^\s*(from\s+dbn_book\b|import\s+(?:[\w.]+\s*,\s*)*dbn_book\b)', re.M)


def git_url(root=ROOT):
    "The repository that settings.ini names (git_url), without a trailing slash."
    cfg = configparser.ConfigParser(delimiters=['=']); cfg.read(Path(root) / 'settings.ini')
    url = cfg['DEFAULT'].get('git_url', '').strip().rstrip('/')
    if not url.startswith('https://'):
        raise ValueError(f'settings.ini has no https git_url ({url!r}): set git_url = https://github.com/OWNER/REPO')
    return url


def cell_source(url):
    "The install cell's text for the repository at `url`."
    spec = f'dbn_book[dev] @ git+{url}'
    return ('#| hide\n'
            f'{MARKER} install the package (and what the chapters import) from {url}\n'
            'import importlib.util, subprocess, sys\n'
            "if importlib.util.find_spec('dbn_book') is None: "
            f"subprocess.run([sys.executable, '-m', 'pip', 'install', '-q', {spec!r}], check=True)")


def _src(c): return ''.join(c['source']) if isinstance(c['source'], list) else c['source']


def is_install_cell(c): return c.get('id') == CELL_ID or (c['cell_type'] == 'code' and MARKER in _src(c))


def _stays_first(c, seen_code):
    "Cells that stay above the install cell: the title's markdown before any code, and lines of `#|` options only."
    if c['cell_type'] == 'markdown': return not seen_code
    lines = [l for l in _src(c).splitlines() if l.strip()]
    return c['cell_type'] == 'code' and all(l.lstrip().startswith('#|') for l in lines)


def insert_position(cells):
    "Where the install cell goes in `cells` (which hold no install cell): after the leading cells that stay first."
    i, seen_code = 0, False
    while i < len(cells) and _stays_first(cells[i], seen_code):
        seen_code |= cells[i]['cell_type'] == 'code'
        i += 1
    return i   # cells that stay first hold only markdown or `#|` lines, so no import of dbn_book comes before i


def with_install_cell(nb, url):
    "The notebook `nb` (a dict) with exactly one up-to-date install cell in its place."
    cells = [c for c in nb['cells'] if not is_install_cell(c)]
    cell = {'cell_type': 'code', 'execution_count': None, 'id': CELL_ID, 'metadata': {}, 'outputs': [],
            'source': cell_source(url).splitlines(keepends=True)}
    i = insert_position(cells)
    return {**nb, 'cells': cells[:i] + [cell] + cells[i:]}


def dumps(nb):
    "The notebook's text as nbdev_clean writes it, so that a later nbdev_clean changes nothing."
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + '\n'


def notebooks(root=ROOT):
    return sorted(p for p in (Path(root) / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--check', action='store_true', help='change nothing; exit 1 if a notebook lacks the cell or has a stale one')
    a = ap.parse_args(argv)
    url, stale = git_url(), []
    for p in notebooks():
        text = p.read_text(encoding='utf-8')
        new = dumps(with_install_cell(json.loads(text), url))
        if json.loads(new) == json.loads(text): continue
        stale.append(p)
        if not a.check: p.write_text(new, encoding='utf-8')
    verb = 'need' if a.check else 'updated'
    print(f'{len(stale)} notebook(s) {verb} the install cell' + (': ' + ', '.join(p.name for p in stale) if stale else ''))
    return 1 if a.check and stale else 0


if __name__ == '__main__': sys.exit(main())
