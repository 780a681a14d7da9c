"""Every notebook opens in Colab: one hidden cell near the top installs the package where it is missing (tools/colab.py).

Checks, for each notebook of nbs/: exactly one install cell, the text tools/colab.py writes today (so a new git_url
in settings.ini shows up as a stale cell), hidden from the site, after the title and before any import of dbn_book;
that running the cell's code where dbn_book is installed calls nothing, and where it is missing calls pip once, on
the repository of settings.ini; and that tools/colab.py inserts, updates and leaves alone as it says.
"""
import importlib.util, json, subprocess, sys
from pathlib import Path
from unittest import mock

import pytest
from tool_loader import load_tool

ROOT = Path(__file__).resolve().parents[1]


colab = load_tool('colab')
NBS = colab.notebooks()


def _cells(nb): return json.loads(nb.read_text(encoding='utf-8'))['cells']


def test_found_notebooks():
    assert len(NBS) >= 3 and any(p.name == '02_cd.ipynb' for p in NBS), NBS


@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_every_notebook_has_one_install_cell_before_the_imports(nb):
    cells = _cells(nb)
    at = [i for i, c in enumerate(cells) if colab.is_install_cell(c)]
    assert len(at) == 1, f'{nb.name}: {len(at)} install cells; run `python tools/colab.py`'
    i, src = at[0], colab._src(cells[at[0]])
    assert cells[i]['id'] == colab.CELL_ID and cells[i]['cell_type'] == 'code'
    assert src == colab.cell_source(colab.git_url()), f'{nb.name}: the install cell is stale; run `python tools/colab.py`'
    assert src.splitlines()[0] == '#| hide', 'the install cell is not hidden on the site'
    imports = [j for j, c in enumerate(cells) if c['cell_type'] == 'code' and colab.IMPORTS_BOOK.search(colab._src(c))]
    assert not imports or i < imports[0], f'{nb.name}: cell {imports[:1]} imports dbn_book before the install cell ({i})'
    assert cells[0]['cell_type'] == 'markdown' and cells[0]['source'][0].startswith('# '), 'the title cell is not first'
    assert not cells[i]['outputs'], 'the install cell has saved outputs'


def test_the_cell_names_the_repository_of_settings_ini():
    url = colab.git_url()
    assert url.startswith('https://github.com/') and f'git+{url}' in colab.cell_source(url)
    other = 'https://github.com/someone/else'
    assert f'git+{other}' in colab.cell_source(other) and url not in colab.cell_source(other)


def _run_cell(missing):
    "Run the install cell's code with subprocess.run patched; `missing`: pretend dbn_book cannot be imported."
    real = importlib.util.find_spec
    def find_spec(name, *a): return None if (missing and name == 'dbn_book') else real(name, *a)
    with mock.patch('subprocess.run') as run, mock.patch('importlib.util.find_spec', side_effect=find_spec):
        exec(compile(colab.cell_source(colab.git_url()), 'install-cell', 'exec'), {})
    return run


def test_cell_is_a_no_op_where_the_package_is_installed():
    assert importlib.util.find_spec('dbn_book') is not None
    run = _run_cell(missing=False)
    run.assert_not_called()


def test_cell_installs_where_the_package_is_missing():
    run = _run_cell(missing=True)
    run.assert_called_once()
    cmd = run.call_args.args[0]
    assert cmd[:4] == [sys.executable, '-m', 'pip', 'install'] and cmd[-1].endswith('@ git+' + colab.git_url()), cmd
    assert cmd[-1].startswith('dbn_book[dev]') and run.call_args.kwargs.get('check') is True


def test_cell_is_plain_python():
    "No IPython magic: nbdev_test, the preview and a plain interpreter all read it."
    r = subprocess.run([sys.executable, '-c', colab.cell_source(colab.git_url())], capture_output=True, text=True,
                       timeout=120, env={'PYTHONPATH': str(ROOT), 'PATH': ''})
    assert r.returncode == 0 and not r.stdout, r.stderr


def _nb(*cells):
    return {'cells': [{'cell_type': k, 'id': f'c{i}', 'metadata': {}, 'source': s,
                       **({'outputs': [], 'execution_count': None} if k == 'code' else {})} for i, (k, s) in enumerate(cells)],
            'metadata': {}, 'nbformat': 4, 'nbformat_minor': 5}


def test_script_inserts_updates_and_is_idempotent():
    url = 'https://github.com/dbn-book/dbn_book'
    nb = _nb(('markdown', '# Title\n\n> what it is'), ('code', '#| default_exp x'), ('code', '#| hide\nfrom nbdev.showdoc import show_doc'),
             ('code', '#| export\nfrom dbn_book.core import check_int'))
    once = colab.with_install_cell(nb, url)
    assert [c['id'] for c in once['cells']] == ['c0', 'c1', colab.CELL_ID, 'c2', 'c3']
    assert colab.dumps(colab.with_install_cell(once, url)) == colab.dumps(once)            # twice changes nothing
    stale = json.loads(colab.dumps(once)); stale['cells'][2]['source'] = ['#| hide\n', 'old text']
    stale['cells'].insert(4, dict(once['cells'][2], id='dup'))                              # and a copy further down
    assert colab.dumps(colab.with_install_cell(stale, url)) == colab.dumps(once)            # updated, one left
    moved = colab.with_install_cell(once, 'https://github.com/fork/dbn_book')
    assert 'git+https://github.com/fork/dbn_book' in ''.join(moved['cells'][2]['source'])
    # with no default_exp cell it goes right after the title, before the import
    assert [c['id'] for c in colab.with_install_cell(_nb(('markdown', '# T'), ('code', 'import dbn_book')), url)['cells']] \
        == ['c0', colab.CELL_ID, 'c1']


def test_script_check_mode_agrees_with_the_notebooks():
    r = subprocess.run([sys.executable, str(ROOT / 'tools' / 'colab.py'), '--check'], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.startswith('0 notebook'), r.stdout + r.stderr
