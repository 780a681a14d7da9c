"""Run every chapter's inline tests (what `nbdev_test` runs), one pytest test per notebook.

Cells flagged with `tst_flags` from settings.ini (`#| slow`) are skipped, as `nbdev_test` does; `IN_TEST=1` is set
so that notebooks shrink their data and epochs."""
from configparser import ConfigParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NBS = sorted(p for p in (ROOT/'nbs').glob('*.ipynb') if not p.name.startswith('_'))


def _skip_flags():
    cfg = ConfigParser(delimiters=['=']); cfg.read(ROOT/'settings.ini')
    return cfg['DEFAULT'].get('tst_flags', '').split()


def test_found_notebooks():
    assert len(NBS) >= 3, f"expected the book's chapters in {ROOT/'nbs'}, found {NBS}"


@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_notebook(nb, monkeypatch):
    from nbdev.test import test_nb
    monkeypatch.setenv('IN_TEST', '1')
    monkeypatch.setenv('MPLBACKEND', 'Agg')
    ok, secs = test_nb(nb, skip_flags=_skip_flags())
    assert ok, f"{nb.name} failed its inline tests (the traceback is above, on stderr)"
