"""dbn_book as it was at a git revision, importable beside today's: `before(rev)` extracts the revision's dbn_book/ into a
temporary folder under the name dbn_book_<rev> and imports it, so a benchmark can time or compare the old code in the
same run as the new."""
import atexit, importlib, io, shutil, subprocess, sys, tarfile, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def before(rev:str):
    "The package dbn_book at git revision `rev`, imported as dbn_book_<rev> (its own modules throughout)."
    name = f'dbn_book_{rev}'
    if name in sys.modules: return sys.modules[name]
    tar = subprocess.run(['git', 'archive', rev, 'dbn_book'], cwd=ROOT, capture_output=True, check=True).stdout
    folder = Path(tempfile.mkdtemp(prefix='dbn_book_before_'))
    atexit.register(shutil.rmtree, folder, ignore_errors=True) # the extracted copy goes when the benchmark ends
    with tarfile.open(fileobj=io.BytesIO(tar)) as t: t.extractall(folder, filter='data')
    (folder / 'dbn_book').rename(folder / name)
    sys.path.insert(0, str(folder))
    return importlib.import_module(name)
