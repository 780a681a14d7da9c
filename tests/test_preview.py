"""The site's citations and notebook links, and the offline preview's care with its output folder.

Fast (a few seconds, no browser): the BibTeX reader and citation renderer of tools/citations.py against what the
book needs (and against Pandoc's citeproc where `pandoc` is installed), every citation in the notebooks against
nbs/refs.bib, a two-page book built by tools/preview.py from a temporary project, the Quarto filter
nbs/notebook-links.lua (under Pandoc with a stand-in for Quarto's Lua API, where `pandoc` is installed), and
`--out` refusing a folder that the preview did not make.
"""
import importlib.util, json, re, shutil, subprocess, sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NBS = ROOT / 'nbs'
PANDOC = shutil.which('pandoc')


def _load(name):
    spec = importlib.util.spec_from_file_location(f'dbn_test_{name}', ROOT / 'tools' / f'{name}.py')
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope='module')
def cite(): return _load('citations')


@pytest.fixture(scope='module')
def preview(): return _load('preview')


@pytest.fixture(scope='module')
def bib(cite): return cite.read_bib(NBS / 'refs.bib')


# ------------------------------------------------------------------------------------------------ the bibliography

BOOK_CITES = {   # key: (first author's last name, year, a word of the title, where it appeared)
    'goodfellow2016deep': ('Goodfellow', '2016', 'Deep Learning', 'MIT Press'),
    'hinton2006fast': ('Hinton', '2006', 'Deep Belief Nets', '1527--1554'),
    'hinton2006reducing': ('Hinton', '2006', 'Dimensionality', '504--507'),
    'hinton2010practical': ('Hinton', '2010', 'Practical Guide', 'UTML TR 2010-003'),
    'salakhutdinov2008quantitative': ('Salakhutdinov', '2008', 'Quantitative Analysis', 'ICML'),
    'tieleman2008training': ('Tieleman', '2008', 'Likelihood Gradient', 'ICML'),
    'neal2001annealed': ('Neal', '2001', 'Annealed Importance Sampling', '125--139'),
    'srivastava2014dropout': ('Srivastava', '2014', 'Dropout', '1929--1958'),
    'hinton2002training': ('Hinton', '2002', 'Contrastive Divergence', '1771--1800'),
    'burda2015accurate': ('Burda', '2015', 'Reverse Annealing', 'AISTATS'),
    'melchior2016center': ('Melchior', '2016', 'Center', 'Journal of Machine Learning Research'),
    'cho2011improved': ('Cho', '2011', 'Gaussian-Bernoulli', 'ICANN'),
    'lecun1998gradient': ('LeCun', '1998', 'Document Recognition', '2278--2324'),
}


def test_refs_bib_holds_the_books_works(bib):
    raw = (NBS / 'refs.bib').read_text(encoding='utf-8')
    for key, (last, year, title_word, where) in BOOK_CITES.items():
        assert key in bib, f'refs.bib has no entry {key}'
        e = bib[key]
        assert e['authors'][0][1] == last and e['year'] == year, (key, e['authors'], e.get('year'))
        assert title_word.lower() in e['title'].lower(), (key, e['title'])
        entry = raw[raw.index('{' + key + ','):].split('\n}', 1)[0]
        assert where in entry, f'{key}: expected {where!r} in its entry'
    assert bib['srivastava2014dropout']['author_label'] == 'Srivastava et al.'
    assert bib['hinton2006fast']['author_label'] == 'Hinton, Osindero, and Teh'
    assert bib['hinton2006reducing']['author_label'] == 'Hinton and Salakhutdinov'


def test_bib_reader_edge_cases(cite):
    b = cite.parse_bib('''% a comment
@string{x = "y"}
@article{k1, author = "Bottou, L{\\'e}on and van Rossum, Guido", title = {The {MNIST} Set, Again},
  journal = {J}, year = 1999, pages = {1--2}}
@misc(k2, author = {{World Health Organization}}, title = "Q", year = {2000})''')
    assert set(b) == {'k1', 'k2'}
    assert b['k1']['authors'] == [('Léon', 'Bottou'), ('Guido', 'van Rossum')]
    assert b['k1']['title'] == 'The MNIST Set, Again' and b['k1']['pages'] == '1\u20132' and b['k1']['year'] == '1999'
    assert b['k2']['author_label'] == 'World Health Organization'


def test_cite_markdown_forms(cite, bib):
    md = ('As @hinton2006fast showed [@hinton2002training; @tieleman2008training], see [-@neal2001annealed] and\n'
          '[see @hinton2010practical, section 3]. `[@hinton2002training]` and $x@y$ stay, so does a@b.org; '
          '@nokey [@alsonokey] are flagged.')
    text, cited, missing = cite.cite_markdown(md, bib, link=False)
    assert text == ('As Hinton, Osindero, and Teh (2006) showed (Hinton 2002; Tieleman 2008), see (2001) and\n'
                    '(see Hinton 2010, section 3). `[@hinton2002training]` and $x@y$ stay, so does a@b.org; '
                    '**?nokey** (**?alsonokey**) are flagged.')
    assert cited == ['hinton2002training', 'tieleman2008training', 'neal2001annealed', 'hinton2010practical', 'hinton2006fast']
    assert sorted(missing) == ['alsonokey', 'nokey']
    linked, _, _ = cite.cite_markdown('[@neal2001annealed]', bib)
    assert linked == '([Neal 2001](#ref-neal2001annealed))'
    html = cite.references_html(bib, cited)
    assert re.findall(r'id="ref-([^"]+)"', html) == ['hinton2002training', 'hinton2010practical', 'hinton2006fast',
                                                     'neal2001annealed', 'tieleman2008training']   # sorted, once each
    assert 'Hinton, Geoffrey E., Simon Osindero, and Yee-Whye Teh. 2006.' in html


@pytest.mark.skipif(not PANDOC, reason='pandoc is not installed: the comparison with citeproc needs it')
def test_in_text_citations_match_citeproc(cite, bib, tmp_path):
    "Pandoc's citeproc (what Quarto runs) reads refs.bib without a warning and writes the same in-text citations."
    keys = sorted(bib)
    src = '\n\n'.join(f'{k}: @{k}' for k in keys)
    r = subprocess.run([PANDOC, '--citeproc', '--bibliography', str(NBS / 'refs.bib'), '-t', 'plain', '--wrap=none'],
                       input=src, capture_output=True, text=True, check=True)
    assert not r.stderr.strip(), r.stderr
    theirs = dict(re.findall(r'^(\w+): (.*)$', r.stdout, re.M))
    for k in keys:
        ours = cite.cite_markdown(f'@{k}', bib, link=False)[0]
        assert theirs[k] == ours, (k, theirs[k], ours)


def _markdown_cells(nb_path):
    cells = json.loads(nb_path.read_text(encoding='utf-8'))['cells']
    return [''.join(c['source']) for c in cells if c['cell_type'] == 'markdown']


def test_notebook_citations_are_in_refs_bib(cite, bib):
    "Every `@key` the notebooks cite is an entry of nbs/refs.bib (citeproc would print a missing one as ?key)."
    bad = {}
    for nb in sorted(NBS.rglob('*.ipynb')):
        if any(part.startswith(('_', '.')) for part in nb.relative_to(NBS).parts): continue
        for text in _markdown_cells(nb):
            _, _, missing = cite.cite_markdown(text, bib)
            if missing: bad.setdefault(nb.name, []).extend(missing)
    assert not bad, f'cited but not in nbs/refs.bib: {bad}'


def test_quarto_config_wires_bibliography_and_links():
    import yaml
    cfg = yaml.safe_load((NBS / '_quarto.yml').read_text())
    assert cfg['bibliography'] == 'refs.bib' and (NBS / cfg['bibliography']).exists()
    assert 'notebook-links.lua' in cfg['filters'] and (NBS / 'notebook-links.lua').exists()
    # nbdev copies nbs/ into _proc/ before Quarto renders, skipping names that start with _ or .
    assert not any(n.startswith(('_', '.')) for n in ('refs.bib', 'notebook-links.lua'))


# ------------------------------------------------------------------------------------------ links to the notebooks

def test_notebook_urls(preview):
    u = preview.notebook_urls('https://github.com/dbn-book/dbn_book', 'main', 'nbs/01_rbm.ipynb')
    assert u == {'colab': 'https://colab.research.google.com/github/dbn-book/dbn_book/blob/main/nbs/01_rbm.ipynb',
                 'download': 'https://raw.githubusercontent.com/dbn-book/dbn_book/main/nbs/01_rbm.ipynb'}
    assert preview.notebook_urls('git@github.com:a/b.git', 'dev', 'x/y.ipynb')['colab'] == \
        'https://colab.research.google.com/github/a/b/blob/dev/x/y.ipynb'
    assert preview.notebook_urls('https://gitlab.com/a/b/', 'main', 'nbs/n.ipynb') == \
        {'download': 'https://gitlab.com/a/b/raw/main/nbs/n.ipynb'}


def _lua_links(tmp_path, project, nb_rel, meta=None):
    "Run nbs/notebook-links.lua under pandoc on project/nb_rel with a stand-in for Quarto's Lua API; return HTML."
    stub = tmp_path / 'stub.lua'
    stub.write_text(f'''quarto = {{doc = {{input_file = {json.dumps(str(project / nb_rel))},
                   is_format = function(f) return f == 'html' end}},
          project = {{directory = {json.dumps(str(project))}}}}}
dofile({json.dumps(str(NBS / 'notebook-links.lua'))})
''')
    args = [PANDOC, str(project / nb_rel), '--lua-filter', str(stub), '-t', 'html']
    if meta:
        (tmp_path / 'meta.yaml').write_text(meta); args[2:2] = ['--metadata-file', str(tmp_path / 'meta.yaml')]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(not PANDOC, reason='pandoc is not installed: running the Quarto filter needs it')
def test_lua_filter_links(tmp_path):
    repo = tmp_path / 'repo'; proc = repo / '_proc'
    (proc / 'sub').mkdir(parents=True)
    (repo / 'settings.ini').write_text('[DEFAULT]\ngit_url = https://github.com/someone/a_book\nbranch = dev\nnbs_path = nbs\n')
    nb = json.dumps({'cells': [{'cell_type': 'markdown', 'metadata': {}, 'source': '# T\n\ntext'}], 'metadata': {},
                     'nbformat': 4, 'nbformat_minor': 5})
    for n in ('index.ipynb', '03_dbn.ipynb', 'sub/09_x.ipynb'): (proc / n).write_text(nb)
    out = _lua_links(tmp_path, proc, '03_dbn.ipynb')
    assert out.startswith('<div class="dbn-notebook-links">'), out[:300]
    assert 'href="https://colab.research.google.com/github/someone/a_book/blob/dev/nbs/03_dbn.ipynb"' in out
    assert 'href="https://raw.githubusercontent.com/someone/a_book/dev/nbs/03_dbn.ipynb"' in out
    assert 'blob/dev/nbs/sub/09_x.ipynb"' in _lua_links(tmp_path, proc, 'sub/09_x.ipynb')
    assert 'dbn-notebook-links' not in _lua_links(tmp_path, proc, 'index.ipynb')
    # without settings.ini, the website's repo-url and repo-branch (nbdev.yml) serve
    (repo / 'settings.ini').unlink()
    out = _lua_links(tmp_path, proc, '03_dbn.ipynb', 'website:\n  repo-url: https://github.com/o/r\n  repo-branch: b\n')
    assert 'github/o/r/blob/b/nbs/03_dbn.ipynb' in out


# ------------------------------------------------------------------------------------------ a two-page preview

def _tiny_project(root, git_url='https://github.com/someone/tiny_book', branch='pages'):
    (root / 'nbs').mkdir(parents=True)
    ini = (ROOT / 'settings.ini').read_text()
    ini = re.sub(r'(?m)^git_url\s*=.*$', f'git_url = {git_url}', ini)
    ini = re.sub(r'(?m)^branch\s*=.*$', f'branch = {branch}', ini)
    (root / 'settings.ini').write_text(ini)
    shutil.copy(NBS / 'refs.bib', root / 'nbs' / 'refs.bib')
    def nb(*cells):
        return json.dumps({'cells': [{'cell_type': 'markdown', 'id': f'c{i}', 'metadata': {}, 'source': s}
                                     for i, s in enumerate(cells)],
                           'metadata': {'kernelspec': {'display_name': 'Python 3', 'language': 'python', 'name': 'python3'}},
                           'nbformat': 4, 'nbformat_minor': 5})
    (root / 'nbs' / 'index.ipynb').write_text(nb('# Tiny\n\n> The landing page', 'A companion to @goodfellow2016deep.'))
    (root / 'nbs' / '01_chap.ipynb').write_text(nb(
        '# A chapter\n\n> Cites things',
        'As @hinton2006fast showed [@hinton2002training; @tieleman2008training].\n\n| a | b |\n|---|---|\n'
        '| -86.34 [@salakhutdinov2008quantitative, CD-25] | x |',
        'A typo: @hinton2006fats.'))
    (root / 'nbs' / '02_placed.ipynb').write_text(nb('# Placed\n\n> References where asked', 'See [@neal2001annealed].',
                                                     '## Works cited\n\n::: {#refs}\n:::\n\nThe end.'))


def test_tiny_book(preview, tmp_path):
    "Citations become author-date links into a reference list; chapter pages link to their notebooks."
    root = tmp_path / 'proj'; _tiny_project(root)
    out = tmp_path / 'site'
    pages, errors = preview.build(out, root=root, workers=1, quiet=True)
    assert not errors, errors
    assert (out / preview.MARKER).is_file()
    manifest = {p['page']: p for p in json.loads((out / 'pages.json').read_text())}
    assert set(manifest) == {'index.html', 'chap.html', 'placed.html'}
    chap = (out / 'chap.html').read_text()
    assert '<a href="#ref-hinton2006fast">Hinton, Osindero, and Teh (2006)</a> showed' in chap
    assert '(<a href="#ref-hinton2002training">Hinton 2002</a>; <a href="#ref-tieleman2008training">Tieleman 2008</a>)' in chap
    assert '<td>-86.34 (<a href="#ref-salakhutdinov2008quantitative">Salakhutdinov and Murray 2008</a>, CD-25)</td>' in chap
    for key in re.findall(r'href="#ref-([^"]+)"', chap):
        assert f'id="ref-{key}"' in chap, f'citation of {key} links to no reference'
    assert chap.index('>References<') < chap.index('id="ref-hinton2002training"')
    assert manifest['chap.html']['missing_citations'] == ['hinton2006fats'] and '<strong>?hinton2006fats</strong>' in chap
    placed = (out / 'placed.html').read_text()
    assert placed.index('Works cited') < placed.index('id="ref-neal2001annealed"') < placed.index('The end.')
    assert '>References<' not in placed and ':::' not in placed
    # the notebook links: from settings.ini's git_url and branch, on chapters only
    assert ('<a class="dbn-colab" href="https://colab.research.google.com/github/someone/tiny_book/blob/pages/nbs/01_chap.ipynb">'
            'Open in Colab</a>') in chap
    assert 'href="https://raw.githubusercontent.com/someone/tiny_book/pages/nbs/01_chap.ipynb"' in chap
    assert 'class="dbn-notebook-links"' not in (out / 'index.html').read_text()
    assert manifest['index.html']['links'] == {} and manifest['placed.html']['links']['colab'].endswith('/nbs/02_placed.ipynb')
    # a second build into the same folder is allowed: the folder is the preview's own
    (out / 'stale.html').write_text('old')
    preview.build(out, root=root, workers=1, quiet=True)
    assert not (out / 'stale.html').exists() and (out / 'chap.html').exists()


# ------------------------------------------------------------------------------------------ the output folder

def test_out_refuses_a_foreign_folder(preview, tmp_path):
    "`--out` at a folder with someone else's files: a one-line error naming it, exit 2, and nothing deleted."
    foreign = tmp_path / 'my work'
    (foreign / 'sub').mkdir(parents=True)
    (foreign / 'thesis.tex').write_text('precious')
    (foreign / 'sub' / 'data.csv').write_text('1,2')
    r = subprocess.run([sys.executable, str(ROOT / 'tools' / 'preview.py'), '--out', str(foreign)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, (r.returncode, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert str(foreign) in lines[0] and 'not empty' in lines[0] and '--out' in lines[0], lines[0]
    assert (foreign / 'thesis.tex').read_text() == 'precious' and (foreign / 'sub' / 'data.csv').read_text() == '1,2'
    assert sorted(p.name for p in foreign.iterdir()) == ['sub', 'thesis.tex']
    with pytest.raises(preview.OutFolderError, match='not empty'): preview.build(foreign)
    # a file given as the folder is refused too
    f = tmp_path / 'notes.txt'; f.write_text('keep')
    with pytest.raises(preview.OutFolderError, match='is a file'): preview.prepare_out(f)
    assert f.read_text() == 'keep'
    # and so is the repository, or a folder above it, whatever it holds
    for d in (ROOT, ROOT.parent):
        with pytest.raises(preview.OutFolderError, match='holds the project'): preview.prepare_out(d)
    assert (ROOT / 'settings.ini').exists()


def test_out_reuses_its_own_folders(preview, tmp_path):
    "New, empty, marked and (built before the marker) manifest-holding folders are the preview's to empty."
    new = preview.prepare_out(tmp_path / 'a' / 'b')
    assert [p.name for p in new.iterdir()] == [preview.MARKER]
    empty = tmp_path / 'empty'; empty.mkdir()
    assert [p.name for p in preview.prepare_out(empty).iterdir()] == [preview.MARKER]
    (new / 'old.html').write_text('x'); (new / '_proc').mkdir()
    assert [p.name for p in preview.prepare_out(new).iterdir()] == [preview.MARKER]
    legacy = tmp_path / 'legacy'; legacy.mkdir()
    (legacy / 'index.html').write_text('x')
    (legacy / 'pages.json').write_text(json.dumps([{'page': 'index.html', 'notebook': 'nbs/index.ipynb'}]))
    assert [p.name for p in preview.prepare_out(legacy).iterdir()] == [preview.MARKER]
    # a pages.json that is not a preview's manifest does not make a folder the preview's
    other = tmp_path / 'other'; other.mkdir()
    (other / 'pages.json').write_text('{"pages": 3}')
    with pytest.raises(preview.OutFolderError): preview.prepare_out(other)
    assert (other / 'pages.json').exists()
