"""The package's shape, as the one-library issue set it: modules follow the book's order, no private name crosses a
module boundary, and no public function or constructor takes more than 10 parameters (scikit-learn's estimators, whose
flat hyperparameters are scikit-learn's convention, and CDOptions, the options object that groups CD's, aside;
a dataclass's fields count as its constructor's parameters); each chapter is one a reader can finish; and every link nbdev makes from a name in backticks lands on its entry."""
import ast, json, re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(p for p in (ROOT / 'dbn_book').glob('*.py') if p.stem not in ('__init__', '_modidx'))


def chapters() -> dict:
    "Each exported module's notebook, by module name: the notebooks' names give the book's order."
    found = {}
    for nb in sorted((ROOT / 'nbs').glob('[0-9]*.ipynb')):
        for c in json.loads(nb.read_text())['cells']:
            m = re.search(r'#\|\s*default_exp\s+(\w+)', ''.join(c['source']))
            if m: found[m.group(1)] = nb.stem; break
    return found


def imports(path: Path):
    "(module imported from the package, names imported) for every import of the package in `path`, inside functions too."
    for n in ast.walk(ast.parse(path.read_text())):
        if isinstance(n, ast.ImportFrom) and (n.level == 1 and not n.module or n.module == 'dbn_book'): # from . import sklearn
            yield from ((a.name, []) for a in n.names if (ROOT / 'dbn_book' / f'{a.name}.py').is_file())
        elif isinstance(n, ast.ImportFrom) and n.module and (n.level == 1 or n.module.startswith('dbn_book')):
            yield n.module.split('.')[-1], [a.name for a in n.names]
        elif isinstance(n, ast.Import):
            for a in n.names:
                if a.name.startswith('dbn_book.'): yield a.name.split('.')[-1], []


def public_signatures(path: Path):
    "(qualified name, number of parameters) of each public function, method and class constructor in `path`."
    def count(fn, bound): a = fn.args; return len(a.posonlyargs) + len(a.args) + len(a.kwonlyargs) - bound
    tree = ast.parse(path.read_text())
    for n in tree.body:
        if isinstance(n, ast.FunctionDef) and not n.name.startswith('_'): yield n.name, count(n, 0)
        if isinstance(n, ast.ClassDef) and not n.name.startswith('_'):
            if any('dataclass' in ast.unparse(d) for d in n.decorator_list): # its constructor takes its fields
                yield n.name, sum(isinstance(m, ast.AnnAssign) for m in n.body)
            for m in n.body:
                if isinstance(m, ast.FunctionDef) and (m.name == '__init__' or not m.name.startswith('_')):
                    static = any(getattr(d, 'id', None) == 'staticmethod' for d in m.decorator_list)
                    yield (n.name if m.name == '__init__' else f'{n.name}.{m.name}'), count(m, 0 if static else 1)


def test_every_module_has_a_chapter():
    assert {p.stem for p in MODULES} == set(chapters())


@pytest.mark.parametrize('path', MODULES, ids=lambda p: p.stem)
def test_no_module_imports_a_later_chapter(path):
    order = chapters()
    later = [m for m, _ in imports(path) if order[m] > order[path.stem]]
    assert not later, f"{path.stem} ({order[path.stem]}) imports {later}, from later chapters"


@pytest.mark.parametrize('path', MODULES, ids=lambda p: p.stem)
def test_no_private_name_crosses_modules(path):
    private = [f"{m}.{name}" for m, names in imports(path) for name in names if name.startswith('_')]
    assert not private, f"{path.stem} imports private names {private}"


@pytest.mark.parametrize('path', MODULES, ids=lambda p: p.stem)
def test_at_most_ten_parameters(path):
    exempt = ('RBMTransformer', 'DBNClassifier', # scikit-learn's convention: flat hyperparameters
                  'CDOptions') # the options object the rule asks for: CD/PCD's 15 options that travel together, checked once when made
    long = [(name, n) for name, n in public_signatures(path) if n > 10 and name not in exempt]
    assert not long, f"{path.stem}: {long} take more than 10 parameters; group options that travel together"


CHAPTERS = sorted((ROOT / 'nbs').glob('[0-9]*.ipynb'))


def reading_size(nb: Path) -> tuple:
    "(words of prose, non-blank lines of code) in a notebook."
    cells = json.loads(nb.read_text())['cells']
    words = sum(len(''.join(c['source']).split()) for c in cells if c['cell_type'] == 'markdown')
    code = sum(bool(line.strip()) for c in cells if c['cell_type'] == 'code' for line in ''.join(c['source']).splitlines())
    return words, code


@pytest.mark.parametrize('nb', [*CHAPTERS, ROOT / 'nbs' / 'index.ipynb'], ids=lambda p: p.stem)
def test_a_chapter_a_reader_can_finish(nb):
    words, code = reading_size(nb)
    assert words <= 2500 and code <= 600, (f"{nb.name}: {words:,} words of prose and {code} lines of code, against at most 2,500 "
                                           "and 600; split it by subject, or move a report to benchmarks/results/")


@pytest.mark.parametrize('nb', [*CHAPTERS, ROOT / 'nbs' / 'index.ipynb'], ids=lambda p: p.stem)
def test_prose_names_no_file_outside_the_repository(nb):
    prose = ''.join(''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'markdown')
    assert 'ENGINEERING.md' not in prose, f"{nb.name} sends the reader to ENGINEERING.md, which is not in the repository"


def figures_without_image(nb: Path) -> list:
    "Indices of the cells whose figure was saved as its text repr only (run under a non-inline backend such as Agg)."
    return [i for i, c in enumerate(json.loads(nb.read_text())['cells']) for o in c.get('outputs', [])
            if ''.join(o.get('data', {}).get('text/plain', '')).startswith('<Figure') and 'image/png' not in o['data']]


@pytest.mark.parametrize('nb', [*CHAPTERS, ROOT / 'nbs' / 'index.ipynb'], ids=lambda p: p.stem)
def test_every_figure_is_saved_as_an_image(nb):
    "The site shows the committed outputs: a figure kept only as '<Figure size ...>' is a hole in the page."
    missing = figures_without_image(nb)
    assert not missing, (f"{nb.name}: cells {missing} hold a figure without its image; re-execute the chapter with the inline "
                         "backend (jupyter nbconvert --execute, MPLBACKEND unset) and commit its outputs")


def test_the_checks_see_what_they_check(tmp_path):
    "The helpers find a later-chapter import inside a function, a private import and a long signature in planted code."
    p = tmp_path / 'planted.py'
    p.write_text("from .core import _private\nfrom . import sklearn\ndef f():\n    from dbn_book.sklearn import DBNClassifier\n"
                 "def g(a, b, c, d, e, f, g, h, i, j, k): pass\nclass C:\n    def __init__(self, a): pass\n")
    assert list(imports(p)) == [('core', ['_private']), ('sklearn', []), ('sklearn', ['DBNClassifier'])]
    assert dict(public_signatures(p)) == {'f': 0, 'g': 11, 'C': 1}
    nb = tmp_path / 'planted.ipynb'
    nb.write_text(json.dumps({'cells': [{'cell_type': 'markdown', 'source': ['Two words\n', 'and three']},
                                        {'cell_type': 'code', 'source': ['x = 1\n', '\n', 'y = 2']}]}))
    assert reading_size(nb) == (4, 2)
    fig = {'output_type': 'display_data', 'data': {'text/plain': ['<Figure size 500x300 with 1 Axes>']}}
    nb.write_text(json.dumps({'cells': [{'cell_type': 'code', 'source': [], 'outputs': [fig]},
                                        {'cell_type': 'code', 'source': [], 'outputs': [dict(fig, data={**fig['data'], 'image/png': 'iVBOR'})]}]}))
    assert figures_without_image(nb) == [0]
    nb.write_text(json.dumps({'cells': [{'cell_type': 'markdown', 'source': ['`_parser` builds it, `RBM` uses it, <code>_Run</code> runs it']}]}))
    assert undocumented_links([nb]) == [('planted.ipynb', '_parser')] # a private helper nbdev links; RBM has its entry


def documented(nb: Path) -> set:
    "The names nbdev gives a heading on `nb`'s page: public definitions of its export cells, @patch'ed methods, and show_doc's."
    names = set()
    for c in json.loads(nb.read_text())['cells']:
        if c['cell_type'] != 'code': continue
        src = ''.join(c['source'])
        if re.match(r'\s*#\|\s*exports?\b', src):
            for n in ast.parse('\n'.join(l for l in src.splitlines() if not l.startswith(('%', '!')))).body:
                if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and not n.name.startswith('_'):
                    first = n.args.args[0].annotation if isinstance(n, ast.FunctionDef) and n.args.args else None
                    if any(getattr(getattr(d, 'func', d), 'id', None) == 'patch' for d in n.decorator_list) and isinstance(first, ast.Name):
                        names.add(f"{first.id}.{n.name}")
                    else: names.add(n.name)
        names.update(re.findall(r'show_doc\(\s*([\w.]+)', src))
    return names


def undocumented_links(nbs) -> list:
    "(notebook, name) for each name in backticks that nbdev links to a page where it has no heading: the link lands at the top."
    from nbdev.doclinks import NbdevLookup
    lookup, pages = NbdevLookup(), {re.sub(r'^\d+_', '', p.stem): p for p in (ROOT / 'nbs').glob('*.ipynb')}
    heads, bad = {}, []
    for nb in nbs:
        prose = ''.join(''.join(c['source']) for c in json.loads(nb.read_text())['cells'] if c['cell_type'] == 'markdown')
        for name in re.findall(r'`([^`\s]+?)(?:\(\))?`', prose): # nbdev's own pattern (nbdev.doclinks._re_backticks)
            url = lookup.doc(name)
            page = pages.get(url.split('/')[-1].split('.html')[0]) if url else None
            if page is None: continue
            if page not in heads: heads[page] = documented(page)
            if re.sub(r'^dbn_book\.\w+\.', '', name) not in heads[page]: bad.append((nb.name, name))
    return bad


def test_every_doc_link_lands_on_its_entry():
    "A name in backticks that nbdev links must have a documentation entry on the page it links to (private helpers have none)."
    bad = undocumented_links([*CHAPTERS, ROOT / 'nbs' / 'index.ipynb'])
    assert not bad, (f"{len(bad)} links land at the top of a page with no entry for their name, e.g. {bad[:5]}; add a show_doc "
                     "for a public name, and write a private helper as <code>_name</code>, which nbdev does not link")


def test_one_import_gives_the_whole_model():
    "Chapter 8's claim: `from dbn_book.dbn import DBN`, in a fresh interpreter, gives the DBN with chapter 4's sampling and chapter 6's AIS."
    import subprocess, sys
    fresh = subprocess.run([sys.executable, '-c', 'from dbn_book.dbn import DBN; d = DBN([6, 4, 3], n_labels=2, seed=0); '
                            'print(d.sample(2, k=1, labels=1).shape, hasattr(d.top, "base_model"), callable(DBN.load))'],
                           capture_output=True, text=True)
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout.strip() == 'torch.Size([2, 6]) True True'


def test_the_package_has_its_docstring_and_version():
    "help(dbn_book) had no description: nbdev wrote __version__ above the landing page's docstring, which then was not one."
    import configparser, dbn_book
    assert dbn_book.__doc__ and dbn_book.__doc__.startswith('Deep belief networks'), dbn_book.__doc__
    ini = configparser.ConfigParser(); ini.read(ROOT / 'settings.ini')
    assert dbn_book.__version__ == ini['DEFAULT']['version']
