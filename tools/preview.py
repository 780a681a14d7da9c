"""Build an offline preview of the dbn_book site without Quarto.

    python tools/preview.py                 # writes _preview/, open _preview/index.html
    python tools/preview.py --out DIR       # somewhere else

The real site is built by `nbdev_docs` (nbdev's pre-processing, then Quarto) where Quarto is installed, and by
the GitHub Pages workflow. Quarto cannot be installed on this project's machines, so this script builds a faithful
stand-in from the same steps:

1. nbdev's own docs pre-processing, notebook by notebook: `nbdev.serve_drv.main` with nbdev's `FilterDefaults`
   (what `nbdev.serve.proc_nbs` runs; it executes show_doc, export and import cells, hides `#| hide` cells,
   adds the front matter and the doc links). A notebook that nbdev cannot process is reported and makes the
   build fail, as it would fail `nbdev_docs`.
2. nbconvert's HTML exporter ('lab' template) over each processed notebook, with the Quarto cell options that
   change what a reader sees applied first (`echo: false`, `output: false`, `include: false`; `#|` lines are
   not shown), and the title and description from the front matter as the page header.
3. Pages named as Quarto names them (`output-file` of the front matter, e.g. 07_widgets.ipynb -> widgets.html),
   a navigation bar in book order from nbs/sidebar.yml, links to the site and to other notebooks rewritten
   to the local pages.
4. What the site adds around a chapter: citations (`[@key]`, `@key`) from nbs/refs.bib rendered author-date with
   a "References" list at the end of each page that cites (tools/citations.py; Quarto does it with citeproc), and,
   at the top of every chapter but the landing page, "Open in Colab" and "Download the notebook" links to the
   notebook in the repository named by settings.ini (git_url, branch), as nbs/notebook-links.lua adds them to
   the Quarto site.

`--out DIR` is emptied and rebuilt only when this script made it (it leaves a `.dbn_book_preview` marker file in
the folders it builds); a folder that holds anything else is refused, and left as it is.

The pages fetch nothing from the network: nbconvert's require.js, widget manager and mermaid scripts (all from
CDNs) are left out, and MathJax is a local copy when one is found (`--mathjax`, $DBN_BOOK_MATHJAX, a MathJax 3
`tex-*.js` from npm under node_modules/, or Debian's libjs-mathjax at /usr/share/javascript/mathjax). Without
one the math stays as TeX source.
"""
import argparse, html, importlib.util, json, os, re, shutil, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEBIAN_MATHJAX = Path('/usr/share/javascript/mathjax/MathJax.js')
MARKER = '.dbn_book_preview'   # in every folder this script builds, so that it only ever deletes its own output


def _tool(name):
    "A sibling module of tools/ (loaded by path, so that tools/ need not be a package or on sys.path)."
    mod_name = f'dbn_book_tools_{name}'
    if mod_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(mod_name, Path(__file__).resolve().with_name(f'{name}.py'))
        mod = importlib.util.module_from_spec(spec)
        sys.modules[mod_name] = mod
        spec.loader.exec_module(mod)
    return sys.modules[mod_name]


class OutFolderError(Exception):
    "The output folder holds something this script did not make, so it will not delete it."


def _made_by_us(out):
    "Whether `out` is a preview folder: it has the marker, or the manifest of a build from before the marker."
    if (out / MARKER).is_file(): return True
    try: manifest = json.loads((out / 'pages.json').read_text())
    except (OSError, ValueError): return False
    return (isinstance(manifest, list) and bool(manifest) and all(isinstance(p, dict) and {'page', 'notebook'} <= set(p) for p in manifest)
            and all((out / p['page']).is_file() for p in manifest if isinstance(p.get('page'), str)))


def prepare_out(out, projects=()):
    "Make `out` an empty folder holding only the marker; refuse (OutFolderError) a folder this script did not make."
    out = Path(out).resolve()
    if any(Path(p).resolve().is_relative_to(out) for p in (ROOT, *projects)):
        raise OutFolderError(f'{out} holds the project itself: pass --out a new or empty folder')
    if out.exists() and not out.is_dir():
        raise OutFolderError(f'{out} is a file, not a folder: pass --out a new or empty folder')
    if out.exists() and any(out.iterdir()):
        if not _made_by_us(out):
            raise OutFolderError(f'{out} is not empty and was not made by tools/preview.py (no {MARKER} file), so it '
                                 'was left alone: pass --out a new or empty folder, or delete this one yourself')
        for child in out.iterdir():   # empty it, keeping the folder itself (a user may have it open)
            if child.is_dir() and not child.is_symlink(): shutil.rmtree(child)
            else: child.unlink()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text('Built by tools/preview.py, which empties this folder when it rebuilds it.\n')
    return out


def _proc_many(dst_dir, nbs_dir, *nbs):
    "Run nbdev's docs pre-processing on notebooks in turn (in a worker process); print {notebook: error} as JSON."
    import traceback, warnings
    from nbdev.processors import FilterDefaults
    import nbdev.serve_drv
    warnings.simplefilter('ignore')   # nbdev warns about cells that mix imports and code; failures are reported
    res = {}
    for nb in nbs:
        try:
            dst = Path(dst_dir) / Path(nb).resolve().relative_to(Path(nbs_dir).resolve())
            dst.parent.mkdir(parents=True, exist_ok=True)
            nbdev.serve_drv.main((Path(nb), dst, FilterDefaults))
            res[nb] = None
        except Exception as e:
            msg = ''.join(traceback.format_exception_only(type(e), e)).strip()
            if e.__cause__ is not None: msg += '\ncaused by: ' + ''.join(traceback.format_exception_only(type(e.__cause__), e.__cause__)).strip()
            res[nb] = msg
    print('\n' + json.dumps(res))


def proc_notebooks(nbs, proc_dir, root, workers=2, nbs_dir=None):
    "Pre-process notebooks with nbdev into `proc_dir` in `workers` processes; return {notebook: error} for failures."
    nbs_dir = Path(nbs_dir or root / 'nbs')
    import subprocess
    from concurrent.futures import ThreadPoolExecutor
    proc_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get('PYTHONPATH')])))
    workers = max(1, min(workers, len(nbs)))
    chunks = [[str(nb) for nb in sorted(nbs, key=lambda p: -p.stat().st_size)[i::workers]] for i in range(workers)]
    def run(chunk):
        r = subprocess.run([sys.executable, __file__, '--proc-many', str(proc_dir), str(nbs_dir), *chunk], cwd=root, env=env,
                           capture_output=True, text=True)
        try: res = json.loads(r.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError): return {nb: f'the nbdev worker failed (exit {r.returncode}):\n{r.stderr[-2000:]}' for nb in chunk}
        return {nb: err for nb, err in res.items() if err}
    errors = {}
    with ThreadPoolExecutor(max_workers=workers) as ex:
        for res in ex.map(run, chunks): errors.update(res)
    return errors


def book_order(root, nbs, nbs_dir=None):
    "Pages in book order: (section or None, notebook path) from nbs/sidebar.yml, then any others sorted."
    import yaml
    nbs_dir, order, seen, listed = Path(nbs_dir or root / 'nbs'), [], set(), set(nbs)
    sb = nbs_dir / 'sidebar.yml'
    def walk(items, section):
        for it in items or []:
            if isinstance(it, str): href = it
            elif isinstance(it, dict) and 'contents' in it:
                walk(it['contents'] if isinstance(it['contents'], list) else [it['contents']],
                     it.get('section', it.get('text', section)))
                continue
            elif isinstance(it, dict): href = it.get('href') or it.get('file')
            else: continue
            p = (nbs_dir / href) if href else None
            if p and p in listed and p not in seen:
                order.append((section, p)); seen.add(p)
    if sb.exists():
        cfg = yaml.safe_load(sb.read_text()) or {}
        walk(cfg.get('website', {}).get('sidebar', {}).get('contents', []), None)
    rest = sorted((p for p in nbs if p not in seen), key=lambda p: (p != nbs_dir / 'index.ipynb', str(p)))
    return order + [(None, p) for p in rest]


def _frontmatter(nb):
    "Pop nbdev's front-matter raw cell; return its fields."
    import yaml
    for i, c in enumerate(nb.cells[:3]):
        if c.cell_type == 'raw' and c.source.lstrip().startswith('---'):
            nb.cells.pop(i)
            try: return yaml.safe_load(c.source.strip().strip('-')) or {}
            except yaml.YAMLError: return {}
    return {}


def out_name(nb_path, fm):
    "The page name Quarto gives a notebook: `output-file`, else the name without its number prefix."
    if fm.get('output-file'): return fm['output-file']
    return re.sub(r'^\d+[a-zA-Z0-9]*_', '', nb_path.stem) + '.html'


_OPT = re.compile(r'^\s*#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')

def apply_quarto_options(nb):
    "Apply the Quarto cell options that change what is shown; drop `#|` lines from the shown source."
    keep = []
    for c in nb.cells:
        if c.cell_type != 'code': keep.append(c); continue
        lines = c.source.split('\n')
        opts = {m.group(1): m.group(2).strip('"\'').lower() for m in map(_OPT.match, lines) if m}
        if opts.get('include') == 'false': continue
        c.source = '\n'.join(l for l in lines if not l.lstrip().startswith('#|')).strip('\n')
        if opts.get('output') == 'false': c.outputs = []
        if opts.get('echo') == 'false' or not c.source.strip():
            c.metadata.setdefault('tags', []).append('remove_input')
        keep.append(c)
    nb.cells = keep
    return nb


def _quarto_markdown(md):
    "Drop the Quarto-only markdown that a plain renderer would show literally: link attributes, ::: fences."
    md = re.sub(r'(\]\([^)\s]*\))\{[^{}\n]*\}', r'\1', md)
    return re.sub(r'(?m)^[ \t]*:::+.*$\n?', '', md)


def clean_markdown(nb):
    "Apply `_quarto_markdown` to markdown cells and markdown outputs (show_doc writes link attributes)."
    for c in nb.cells:
        if c.cell_type == 'markdown': c.source = _quarto_markdown(c.source)
        for o in c.get('outputs', []):
            if 'text/markdown' in o.get('data', {}): o['data']['text/markdown'] = _quarto_markdown(o['data']['text/markdown'])
    return nb


def mathjax_tags(out, explicit=None):
    "Copy a local MathJax next to the pages if one is found; return the <script> tags for the page head."
    cands = [explicit, os.environ.get('DBN_BOOK_MATHJAX')]
    for nm in ('mathjax', 'mathjax-full'):
        for base in (ROOT / 'node_modules' / nm / 'es5', Path.cwd() / 'node_modules' / nm / 'es5'):
            cands.append(base / 'tex-svg-full.js'); cands.append(base / 'tex-svg.js')
    cands.append(DEBIAN_MATHJAX)
    for c in cands:
        if not c: continue
        c = Path(c)
        if c.is_dir():
            c = next((c / f for f in ('tex-svg-full.js', 'tex-svg.js', 'es5/tex-svg-full.js', 'MathJax.js')
                      if (c / f).exists()), c)
        if not c.is_file(): continue
        if c.name.startswith('tex-'):   # MathJax 3: one self-contained file with SVG output, no fonts to load
            dst = out / '_static' / 'mathjax' / c.name
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(c, dst)
            cfg = ('window.MathJax={tex:{inlineMath:[["$","$"],["\\\\(","\\\\)"]],processEscapes:true,'
                   'tags:"ams"},svg:{fontCache:"global"}};')
            return f'<script>{cfg}</script>\n<script src="_static/mathjax/{c.name}" defer></script>', str(c)
        if c.name == 'MathJax.js':      # MathJax 2 (Debian's libjs-mathjax): the configuration nbconvert uses
            url = c.resolve().as_uri() + '?config=TeX-AMS_CHTML-full,Safe'
            cfg = ('<script type="text/x-mathjax-config">MathJax.Hub.Config({tex2jax:{inlineMath:[["$","$"],'
                   '["\\\\(","\\\\)"]],displayMath:[["$$","$$"],["\\\\[","\\\\]"]],processEscapes:true,'
                   'processEnvironments:true},messageStyle:"none",TeX:{equationNumbers:{autoNumber:"AMS"}}});'
                   '</script>')
            return f'{cfg}\n<script src="{url}"></script>', str(c)
    return '<!-- no local MathJax found: math is shown as TeX source -->', None


_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{{ resources.dbn.mathjax }}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style>{{ resources.dbn.css }}</style>{%- endblock html_head_css -%}
{%- block body_header -%}{{ super() }}{{ resources.dbn.header }}{%- endblock body_header -%}
{%- block body_footer -%}{{ resources.dbn.footer }}{{ super() }}{%- endblock body_footer -%}
"""

_CSS = """
body { margin: 0; }
main { max-width: 1000px; margin: 0 auto; padding: 0 16px 40px 16px; }
nav.dbn-nav { background: #2780e3; padding: 6px 16px;
  font-family: system-ui, sans-serif; font-size: 14px; margin: 0 -16px 16px -16px;
  display: flex; flex-wrap: wrap; gap: 2px 14px; align-items: baseline; }
nav.dbn-nav a { color: #fff; text-decoration: none; white-space: nowrap; }
nav.dbn-nav code { color: inherit; background: none; }
nav.dbn-nav a.dbn-current { font-weight: bold; text-decoration: underline; }
nav.dbn-nav .dbn-section { color: #dbe9fb; font-style: italic; white-space: nowrap; }
header.dbn-title { font-family: system-ui, sans-serif; padding: 0 10px; }
header.dbn-title h1 { margin-bottom: 4px; }
header.dbn-title p { color: #555; font-size: 1.1em; margin-top: 0; }
nav.dbn-pager { display: flex; justify-content: space-between; margin-top: 32px; font-family: system-ui, sans-serif; }
div.dbn-notebook-links { font-family: system-ui, sans-serif; font-size: 14px; padding: 0 10px; margin: 0 0 12px 0;
  display: flex; gap: 16px; }
div.dbn-notebook-links a { color: #2780e3; }
div.csl-entry { padding-left: 2em; text-indent: -2em; margin-bottom: 0.5em; }
"""


_REFS_DIV = re.compile(r'(?ms)^[ \t]*(:::+)[ \t]*\{#refs[^}\n]*\}[ \t]*\n(.*?)^[ \t]*\1[ \t]*$\n?')


def cite_notebook(nb, bib):
    "Render a notebook's citations in place, add its reference list; return (cited keys, keys not in `bib`)."
    # markdown cells and markdown outputs; the list goes where the page asks for it, as in Pandoc (a `::: {#refs}`
    # div), else into a new last cell under a 'References' heading, as Quarto appends it
    cite = _tool('citations')
    cited, missing = [], []
    def run(text):
        text, c, m = cite.cite_markdown(text, bib)
        cited.extend(k for k in c if k not in cited); missing.extend(k for k in m if k not in missing)
        return text
    for c in nb.cells:
        if c.cell_type == 'markdown': c.source = run(c.source)
        for o in c.get('outputs', []):
            if 'text/markdown' in o.get('data', {}): o['data']['text/markdown'] = run(o['data']['text/markdown'])
    if cited:
        refs = cite.references_html(bib, cited)
        placed = False
        for c in nb.cells:
            if c.cell_type == 'markdown' and _REFS_DIV.search(c.source):
                c.source = _REFS_DIV.sub(lambda m: '\n' + refs + '\n\n', c.source, count=1); placed = True
                break
        if not placed:
            import nbformat
            nb.cells.append(nbformat.v4.new_markdown_cell('## References\n\n' + refs))
    return cited, missing


def notebook_urls(git_url, branch, path):
    "Links to the notebook at `path` in the repository: {'colab': ..., 'download': ...} ('colab' only on GitHub)."
    git_url, path = (git_url or '').strip().rstrip('/'), str(path).replace(os.sep, '/').lstrip('/')
    if git_url.endswith('.git'): git_url = git_url[:-4]
    m = re.match(r'^(?:https?://|git@)(?:www\.)?github\.com[/:]([^/]+/[^/]+)$', git_url)
    if m:
        return {'colab': f'https://colab.research.google.com/github/{m.group(1)}/blob/{branch}/{path}',
                'download': f'https://raw.githubusercontent.com/{m.group(1)}/{branch}/{path}'}
    return {'download': f'{git_url}/raw/{branch}/{path}'} if git_url else {}


def notebook_links_html(urls):
    "The links bar at the top of a chapter page (the same markup as nbs/notebook-links.lua writes on the site)."
    a = []
    if urls.get('colab'):
        a.append(f'<a class="dbn-colab" href="{html.escape(urls["colab"])}">Open in Colab</a>')
    if urls.get('download'):
        a.append(f'<a class="dbn-download" href="{html.escape(urls["download"])}" download>Download the notebook</a>')
    return f'<div class="dbn-notebook-links">{" ".join(a)}</div>' if a else ''


def _title_html(t):
    "A title as HTML: escaped, with `code` spans."
    return re.sub(r'`([^`]+)`', r'<code>\1</code>', html.escape(str(t)))


def build(out=None, mathjax=None, workers=2, quiet=False, root=None):
    "Build the preview of the project at `root` (this repository) into `out`; return (pages written, {notebook: error})."
    import nbformat, jinja2
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    t0 = time.time()
    root = Path(root or ROOT).resolve()
    out = prepare_out(out or root / '_preview', projects=[root])
    log = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr))

    from nbdev.config import get_config
    cwd = os.getcwd(); os.chdir(root)   # nbdev finds settings.ini from the working folder, and caches by arguments:
    try: cfg = get_config(path=str(root))   # so both, or a second project would get the first one's settings
    finally: os.chdir(cwd)
    site = (cfg.get('doc_host', '').rstrip('/') + '/' + cfg.get('doc_baseurl', '').strip('/')).rstrip('/') + '/'
    nbs_dir = Path(cfg.config_path) / cfg.get('nbs_path', 'nbs')
    nbs = sorted(p for p in nbs_dir.rglob('*.ipynb')
                 if not any(part.startswith(('_', '.')) for part in p.relative_to(nbs_dir).parts))
    proc = out / '_proc'
    errors = proc_notebooks(nbs, proc, root, workers=workers, nbs_dir=nbs_dir)
    for nb, err in errors.items(): log(f'nbdev could not process {Path(nb).relative_to(root)}:\n  {err}')
    bib = _tool('citations').read_bib(nbs_dir / 'refs.bib')

    # first pass: titles and page names
    pages = []
    for section, nb_path in book_order(root, nbs, nbs_dir):
        failed = str(nb_path) in errors
        src = nb_path if failed else proc / nb_path.relative_to(nbs_dir)
        raw = json.loads(src.read_text(encoding='utf-8'))
        for c in raw.get('cells', []):   # nbdev's processors leave keys that are not in the notebook format
            for k in [k for k in c if k not in ('id', 'cell_type', 'metadata', 'source', 'outputs', 'execution_count', 'attachments')]:
                del c[k]
        nb = nbformat.reads(json.dumps(raw), as_version=4)
        fm = _frontmatter(nb)
        if not fm.get('title'):
            h = next((c.source for c in nb.cells if c.cell_type == 'markdown' and c.source.startswith('# ')), None)
            if h: fm['title'] = h.split('\n', 1)[0][2:].strip()
        fm.setdefault('title', nb_path.stem)
        pages.append(dict(section=section, nb_path=nb_path, nb=nb, fm=fm, name=out_name(nb_path, fm), failed=failed))
    by_nb = {p['nb_path'].name: p['name'] for p in pages}

    mj, mj_src = mathjax_tags(out, mathjax)
    log(f'MathJax: {mj_src or "none found (math shown as TeX source)"}')
    exporter = HTMLExporter(template_name='lab', extra_loaders=[jinja2.DictLoader({'dbn_preview.html.j2': _TEMPLATE})],
                            template_file='dbn_preview.html.j2')
    exporter.register_preprocessor(TagRemovePreprocessor(remove_input_tags={'remove_input'}, enabled=True), enabled=True)
    exporter.exclude_input_prompt = exporter.exclude_output_prompt = True

    def nav(cur):
        parts, last = [], object()
        for p in pages:
            if p['section'] != last and p['section']:
                parts.append(f'<span class="dbn-section">{html.escape(p["section"])}:</span>')
            last = p['section']
            cls = ' class="dbn-current"' if p is cur else ''
            parts.append(f'<a href="{p["name"]}"{cls}>{_title_html(p["fm"]["title"])}</a>')
        return '<nav class="dbn-nav">' + ''.join(parts) + '</nav>'

    def fix_links(text):
        # links to the published site and to other notebooks point at the local pages
        if site.startswith('http'): text = text.replace(f'href="{site}', 'href="')
        def nb_link(m):
            target, frag = m.group(2), m.group(3) or ''
            return f'{m.group(1)}"{by_nb.get(Path(target).name, target)}{frag}"'
        return re.sub(r'(href=)"([^"#:]+\.ipynb)(#[^"]*)?"', nb_link, text)

    for i, p in enumerate(pages):
        p['cited'], p['missing'] = cite_notebook(apply_quarto_options(p['nb']), bib)
        for key in p['missing']:
            log(f'{p["nb_path"].relative_to(root)}: cites @{key}, which {nbs_dir.relative_to(root)}/refs.bib does not have')
        nb = clean_markdown(p['nb'])
        nb.metadata.pop('widgets', None)
        nb.metadata['title'] = str(p['fm']['title'])
        desc = p['fm'].get('description')
        rel = p['nb_path'].relative_to(nbs_dir)
        p['links'] = {} if rel == Path('index.ipynb') else notebook_urls(
            cfg.get('git_url'), cfg.get('branch', 'main'), p['nb_path'].relative_to(cfg.config_path))
        header = nav(p) + '<header class="dbn-title"><h1>' + _title_html(p['fm']['title']) + '</h1>' + (
            f'<p class="dbn-description">{_title_html(desc)}</p>' if desc else '') + '</header>' + notebook_links_html(p['links'])
        if p['failed']:
            header += ('<div class="dbn-error" style="border:2px solid #c00;padding:8px;color:#c00">nbdev could not '
                       'process this notebook; shown unprocessed:<pre>'
                       + html.escape(errors[str(p['nb_path'])]) + '</pre></div>')
        prev_ = f'<a href="{pages[i-1]["name"]}">&larr; {_title_html(pages[i-1]["fm"]["title"])}</a>' if i else '<span></span>'
        next_ = (f'<a href="{pages[i+1]["name"]}">{_title_html(pages[i+1]["fm"]["title"])} &rarr;</a>'
                 if i + 1 < len(pages) else '<span></span>')
        res = {'dbn': {'mathjax': mj, 'css': _CSS, 'header': header,
                       'footer': f'<nav class="dbn-pager">{prev_}{next_}</nav>'},
               'metadata': {'name': p['name'][:-5]}}
        body, _ = exporter.from_notebook_node(nb, resources=res)
        (out / p['name']).write_text(fix_links(body), encoding='utf-8')

    # static files next to the notebooks (images used in markdown, styles)
    for f in nbs_dir.rglob('*'):
        rel = f.relative_to(nbs_dir)
        if f.is_relative_to(out): continue
        if f.is_file() and f.suffix.lower() in {'.png', '.jpg', '.jpeg', '.gif', '.svg', '.css', '.webp'} \
                and not any(part.startswith(('_', '.')) for part in rel.parts):
            (out / rel).parent.mkdir(parents=True, exist_ok=True); shutil.copy2(f, out / rel)
    shutil.rmtree(proc)
    manifest = [dict(page=p['name'], notebook=str(p['nb_path'].relative_to(root)), title=str(p['fm']['title']),
                     section=p['section'], failed=p['failed'], links=p['links'], cited=p['cited'],
                     missing_citations=p['missing']) for p in pages]
    (out / 'pages.json').write_text(json.dumps(manifest, indent=1))
    missing = sorted({k for p in pages for k in p['missing']})
    log(f'wrote {len(pages)} pages to {out} in {time.time() - t0:.1f}s'
        + (f'; {len(errors)} notebook(s) failed nbdev processing' if errors else '')
        + (f'; citations missing from refs.bib: {", ".join(missing)}' if missing else ''))
    return [out / p['name'] for p in pages], errors


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ['--proc-many']: return _proc_many(*argv[1:]) or 0
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--out', default=str(ROOT / '_preview'), help='output folder (default: _preview/)')
    ap.add_argument('--mathjax', default=None, help='a local MathJax: a MathJax 3 tex-*.js file or MathJax 2 MathJax.js')
    ap.add_argument('--workers', type=int, default=2, help='processes for nbdev pre-processing')
    a = ap.parse_args(argv)
    try: pages, errors = build(a.out, a.mathjax, a.workers)
    except OutFolderError as e:
        print(f'tools/preview.py: {e}', file=sys.stderr)
        return 2
    print(Path(a.out).resolve() / 'index.html' if (Path(a.out) / 'index.html').exists() else pages[0] if pages else a.out)
    return 1 if errors or not pages else 0


if __name__ == '__main__': sys.exit(main())
