"""The names each benchmark script imports from the package still exist, with or without MNIST: test_benchmarks.py runs
the scripts, but only where the full MNIST is, so elsewhere an API change could break one unnoticed."""
import ast, importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / 'benchmarks').glob('*.py'))


def package_imports(path: Path) -> list:
    "(module, name) for each `from dbn_book... import name` in `path`, inside functions too; (module, None) for `import dbn_book...`."
    found = []
    for n in ast.walk(ast.parse(path.read_text())):
        if isinstance(n, ast.ImportFrom) and n.module and n.module.split('.')[0] == 'dbn_book':
            found += [(n.module, a.name) for a in n.names]
        elif isinstance(n, ast.Import):
            found += [(a.name, None) for a in n.names if a.name.split('.')[0] == 'dbn_book']
    return found


def missing_names(path: Path) -> list:
    "The package names `path` imports that do not exist (importing each module it names)."
    return [f"{m}.{name}" for m, name in package_imports(path)
            if name not in (None, '*') and not hasattr(importlib.import_module(m), name)]


@pytest.mark.parametrize('script', SCRIPTS, ids=lambda p: p.stem)
def test_what_a_benchmark_imports_exists(script):
    assert not (missing := missing_names(script)), f"{script.name} imports {missing}, which the package no longer has"


def test_the_check_sees_a_missing_name(tmp_path):
    p = tmp_path / 'planted.py'
    p.write_text("from dbn_book.rbm import RBM, no_such_name\ndef f():\n    from dbn_book import cd\n")
    assert package_imports(p) == [('dbn_book.rbm', 'RBM'), ('dbn_book.rbm', 'no_such_name'), ('dbn_book', 'cd')]
    assert missing_names(p) == ['dbn_book.rbm.no_such_name']
