"""End-to-end test of the book's pages in a real browser, offline.

Builds the offline preview (tools/preview.py) into a temporary folder, opens every page in headless Chromium
(Debian's chromium driven by the playwright package: no browser download) with every request that is not file:
or data: aborted, and, for every slider on every page, moves it with the keyboard and the mouse and checks that
the shown frame and label follow, and that no page raised a JavaScript error or tried to reach the network.
It also checks what the pages carry around the notebooks: each chapter's Colab and download links point at its own
notebook, and every citation is in nbs/refs.bib and links to the page's reference list; and that, once MathJax has
typeset a page, no TeX command (`\\mathbf`, `\\top`, ...) is left in its visible text outside code and MathJax's
own elements (where Markdown took part of an inline formula for a list item or emphasis, MathJax never sees it).

Skips, saying why, only where Chromium or playwright is not installed ($DBN_BOOK_CHROMIUM overrides the path), and
the math checks where no local MathJax is found.
"""
import importlib.util, json, os, shutil, time
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get('DBN_BOOK_CHROMIUM') or shutil.which('chromium') or '/usr/bin/chromium'
ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']


def _load_preview():
    spec = importlib.util.spec_from_file_location('dbn_preview', ROOT / 'tools' / 'preview.py')
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope='module')
def site(tmp_path_factory):
    "The offline preview, built once: (folder, page paths, {notebook: nbdev error})."
    out = tmp_path_factory.mktemp('site') / '_preview'
    pages, errors = _load_preview().build(out, workers=2, quiet=True)
    return out, pages, errors


@pytest.fixture(scope='module')
def browser():
    try: from playwright.sync_api import sync_playwright
    except ImportError: pytest.skip('the playwright Python package is not installed (pip install playwright)')
    if not Path(CHROMIUM).exists():
        pytest.skip(f'Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` '
                    '(or set DBN_BOOK_CHROMIUM)')
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_preview_builds(site):
    "Every notebook goes through nbdev's docs pre-processing (as it must for `nbdev_docs`)."
    out, pages, errors = site
    assert not errors, 'nbdev could not process:\n' + '\n'.join(f'{k}:\n  {v}' for k, v in errors.items())
    assert (out / 'widgets.html').exists()
    names = [p.name for p in pages]
    assert len(names) == len(set(names)), f'two notebooks render to one page: {names}'


def test_pages_link_each_other(site):
    "Every page's navigation bar links to every page of the book, in the same order, and nothing else."
    out, pages, _ = site
    class Nav(HTMLParser):
        def __init__(s): super().__init__(); s.depth, s.hrefs = 0, []
        def handle_starttag(s, tag, attrs):
            a = dict(attrs)
            if tag == 'nav' and a.get('class') == 'dbn-nav': s.depth = 1
            elif tag == 'a' and s.depth: s.hrefs.append(a['href'])
        def handle_endtag(s, tag):
            if tag == 'nav': s.depth = 0
    names = [p.name for p in pages]
    for p in pages:
        nav = Nav(); nav.feed(p.read_text())
        assert nav.hrefs == names, f'{p.name}: nav links {nav.hrefs}, pages {names}'
    order = [json_page['notebook'] for json_page in json.loads((out / 'pages.json').read_text())]
    assert order[0].endswith('index.ipynb') or not (ROOT / 'nbs' / 'index.ipynb').exists(), order


class _Anchors(HTMLParser):
    "Every <a> of a page as (class, href), and every element id."
    def __init__(s): super().__init__(); s.links, s.ids = [], set()
    def handle_starttag(s, tag, attrs):
        a = dict(attrs)
        if a.get('id'): s.ids.add(a['id'])
        if tag == 'a': s.links.append((a.get('class') or '', a.get('href') or ''))


def test_chapters_link_their_notebooks(site):
    "Each chapter page, not the landing page, links to its own notebook (Colab and download) from settings.ini."
    import configparser
    out, pages, _ = site
    ini = configparser.ConfigParser(); ini.read(ROOT / 'settings.ini')
    git_url, branch = ini['DEFAULT']['git_url'].rstrip('/'), ini['DEFAULT'].get('branch', 'main')
    repo = git_url.split('github.com/', 1)[1]
    chapters = 0
    for entry in json.loads((out / 'pages.json').read_text()):
        page = _Anchors(); page.feed((out / entry['page']).read_text())
        colab = [h for c, h in page.links if 'dbn-colab' in c.split()]
        download = [h for c, h in page.links if 'dbn-download' in c.split()]
        if entry['notebook'] == 'nbs/index.ipynb':
            assert not colab and not download, f'{entry["page"]}: the landing page has notebook links'
            continue
        chapters += 1
        nb = entry['notebook']
        assert (ROOT / nb).exists(), nb
        assert colab == [f'https://colab.research.google.com/github/{repo}/blob/{branch}/{nb}'], (entry['page'], colab)
        assert download == [f'https://raw.githubusercontent.com/{repo}/{branch}/{nb}'], (entry['page'], download)
    assert chapters >= 2, f'only {chapters} chapter pages'


def test_citations_resolve(site):
    "Every citation on every page is in nbs/refs.bib and links to an entry of that page's reference list."
    out, _, _ = site
    missing = {}
    for entry in json.loads((out / 'pages.json').read_text()):
        if entry['missing_citations']: missing[entry['notebook']] = entry['missing_citations']
        page = _Anchors(); page.feed((out / entry['page']).read_text())
        refs = [h[1:] for _, h in page.links if h.startswith('#ref-')]
        assert set(refs) <= page.ids, f'{entry["page"]}: citations without a reference entry: {set(refs) - page.ids}'
        assert {f'ref-{k}' for k in entry['cited']} <= page.ids, entry['page']
        assert bool(refs) == bool(entry['cited']) == ('refs' in page.ids), entry['page']
    assert not missing, f'cited but not in nbs/refs.bib (Quarto would print ?key): {missing}'


def _blocking_page(browser):
    page = browser.new_page()
    errors, blocked = [], []
    def route(r):
        if r.request.url.startswith(('file:', 'data:')): r.continue_()
        else: blocked.append(r.request.url); r.abort()
    page.route('**/*', route)
    page.on('pageerror', lambda e: errors.append(str(e)))
    return page, errors, blocked


_STATE = """root => ({src: root.querySelector('img.dbn-slider-frame').getAttribute('src'),
  label: root.querySelector('.dbn-slider-label').textContent, value: root.querySelector('input').value,
  data: JSON.parse(root.querySelector('script.dbn-slider-data').textContent)})"""


def check_slider(page, root, where):
    "Move one slider by keyboard and mouse; assert that the shown frame and label follow its data."
    root.scroll_into_view_if_needed()
    assert root.get_attribute('data-ready') == '1', f'{where}: its script did not run'
    s0 = root.evaluate(_STATE)
    frames, labels, k = s0['data']['frames'], s0['data']['labels'], len(s0['data']['frames'])
    start = int(s0['value'])
    assert (s0['src'], s0['label']) == (frames[start], labels[start]), f'{where}: wrong first frame'
    assert k >= 2, f'{where} has {k} frame: nothing to move'
    slider = root.locator('input.dbn-slider-input')
    # keyboard: End goes to the last frame, ArrowLeft one back
    slider.focus(); page.keyboard.press('End')
    s1 = root.evaluate(_STATE)
    assert (s1['value'], s1['src'], s1['label']) == (str(k - 1), frames[k - 1], labels[k - 1]), \
        f'{where}: End did not show the last frame and label'
    page.keyboard.press('ArrowLeft')
    s2 = root.evaluate(_STATE)
    assert (s2['src'], s2['label']) == (frames[k - 2], labels[k - 2]), f'{where}: ArrowLeft did not step back'
    # mouse: a click at the left end of the track shows the first frame
    box = slider.bounding_box()
    page.mouse.click(box['x'] + 2, box['y'] + box['height'] / 2)
    s3 = root.evaluate(_STATE)
    assert (s3['value'], s3['src'], s3['label']) == ('0', frames[0], labels[0]), \
        f'{where}: a click at the left end did not show frame 0'
    # the picture and the label really differ between the two ends, and the browser decoded the picture
    assert labels[0] != labels[k - 1], f'{where}: first and last labels are the same'
    assert frames[0] != frames[k - 1], f'{where}: first and last frames are the same image'
    assert root.locator('img.dbn-slider-frame').evaluate('im => im.complete && im.naturalWidth > 0'), \
        f'{where}: the browser could not decode the frame'


def test_every_slider_moves(site, browser):
    "Open each page offline; move every slider; the frame and label follow; no JS error, no network."
    out, pages, _ = site
    t0, total, report = time.time(), 0, []
    for path in pages:
        page, errors, blocked = _blocking_page(browser)
        page.goto(path.as_uri(), wait_until='load')
        sliders = page.locator('div.dbn-slider')
        n = sliders.count()
        total += n
        for i in range(n): check_slider(page, sliders.nth(i), f'{path.name} slider {i}')
        page.wait_for_timeout(200)   # let late scripts (MathJax) run before we look for errors
        assert not errors, f'{path.name}: JavaScript errors {errors}'
        assert not blocked, f'{path.name}: tried to reach the network: {blocked[:5]}'
        report.append(f'{path.name}: {n} slider(s), {path.stat().st_size / 1e6:.2f} MB')
        page.close()
    print('\n'.join(report), f'\n{total} sliders on {len(pages)} pages in {time.time() - t0:.1f}s')
    assert total >= 2, f'only {total} sliders in the whole book'
    assert (out / 'widgets.html') in pages


def test_math_typeset_offline(site, browser):
    "Where a local MathJax was found, the chapter's math is typeset with the network blocked."
    out, pages, _ = site
    head = (out / 'widgets.html').read_text()[:400_000]
    if 'no local MathJax found' in head:
        pytest.skip('no local MathJax (apt-get install libjs-mathjax, or npm install mathjax@3): math stays TeX')
    page, errors, blocked = _blocking_page(browser)
    page.goto((out / 'widgets.html').as_uri(), wait_until='load')
    page.wait_for_function("document.querySelectorAll('mjx-container, .MathJax_CHTML, .MathJax_SVG, .MathJax').length > 0",
                           timeout=20_000)
    assert not errors and not blocked, (errors, blocked)
    page.close()


_RAW_TEX = r"""async () => {
  if (window.MathJax && MathJax.Hub && MathJax.Hub.Queue) await new Promise(r => MathJax.Hub.Queue(() => r(true)));
  else if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  else return null;
  const skip = 'pre, code, kbd, samp, script, style, textarea, mjx-container, .MathJax, .MathJax_Preview, ' +
               '.MathJax_Display, .MathJax_CHTML, .MathJax_SVG, .MathJax_SVG_Display, .MJX_Assistive_MathML';
  const found = [], re = /\\[A-Za-z]+/g;
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (!n.parentElement || n.parentElement.closest(skip)) continue;
    const t = n.textContent;
    for (const m of t.matchAll(re))
      found.push({command: m[0], context: t.slice(Math.max(0, m.index - 50), m.index + 50).replace(/\s+/g, ' ')});
  }
  return found;
}"""


def raw_tex(page):
    "TeX commands left in the page's visible text after MathJax ran, outside code and MathJax's elements; None without MathJax."
    return page.evaluate(_RAW_TEX)


def _raw_tex_report(name, found):
    cmds = sorted({f['command'] for f in found})
    return (f'{name}: {len(found)} TeX command(s) shown as text, not typeset ({", ".join(cmds)}); first at '
            f'"...{found[0]["context"]}...". Markdown read part of an inline formula as something else: no line inside '
            '$...$ may begin with "- ", "+ " or "* " (rewrap the lines)')


def test_no_raw_tex(site, browser):
    "Once MathJax has typeset a page, no TeX command is left in its text outside code: all the math rendered."
    out, pages, _ = site
    if 'no local MathJax found' in (out / 'widgets.html').read_text()[:400_000]:
        pytest.skip('no local MathJax (apt-get install libjs-mathjax, or npm install mathjax@3): math stays TeX')
    bad = []
    for path in pages:
        page, errors, blocked = _blocking_page(browser)
        page.goto(path.as_uri(), wait_until='load')
        found = raw_tex(page)
        assert found is not None, f'{path.name}: MathJax did not load'
        if found: bad.append(_raw_tex_report(path.name, found))
        page.close()
    assert not bad, '\n'.join(bad)


def test_raw_tex_check_can_fail(tmp_path, browser):
    "`raw_tex` finds the TeX of a formula that Markdown broke at a line starting '- ', and nothing once it is rewrapped."
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    tags, src = _load_preview().mathjax_tags(tmp_path)
    if src is None: pytest.skip('no local MathJax (apt-get install libjs-mathjax, or npm install mathjax@3)')
    broken = 'Energy $E = -\\mathbf v^\\top \\mathbf W \\mathbf h\n- \\mathbf b^\\top \\mathbf v$ ends here.'
    fixed = broken.replace('\\mathbf h\n- ', '\\mathbf h -\n')
    extra = '\n\n`\\mathbf` in code, and $\\boldsymbol\\mu$ typeset.\n\n```\n\\frac{1}{2}\n```'
    for name, md, want in [('broken', broken, {'\\mathbf', '\\top'}), ('fixed', fixed, set())]:
        p = tmp_path / f'{name}.html'
        p.write_text(f'<!doctype html><html><head>{tags}</head><body>{markdown2html_mistune(md + extra)}</body></html>')
        page, errors, blocked = _blocking_page(browser)
        page.goto(p.as_uri(), wait_until='load')
        found = raw_tex(page)
        assert found is not None, f'{name}: MathJax did not load'
        assert {f['command'] for f in found} == want, (name, found)
        assert page.locator('mjx-container, .MathJax_CHTML, .MathJax_SVG, .MathJax').count() >= 1, f'{name}: MathJax typeset nothing'
        page.close()


def test_check_can_fail(tmp_path, browser):
    "`check_slider` catches a slider whose label does not follow, and one whose script throws."
    import sys; sys.path.insert(0, str(ROOT))
    import numpy as np
    from dbn_book.widgets import slider
    good = slider([np.zeros((8, 8)), np.ones((8, 8))], ['zero', 'one'])
    cases = {'label': good.html.replace('lab.textContent=d.labels[i];', ''),           # the label no longer follows
             'throws': good.html.replace('img.src=d.frames[i];', 'img.src=d.frames[i].x.y;')}  # a JS error
    for name, text in [('good', good.html), *cases.items()]:
        assert name == 'good' or text != good.html
        p = tmp_path / f'{name}.html'
        p.write_text(f'<!doctype html><html><body>{text}</body></html>')
        page, errors, blocked = _blocking_page(browser)
        page.goto(p.as_uri())
        root = page.locator('div.dbn-slider').first
        if name == 'good': check_slider(page, root, name); assert not errors
        elif name == 'label':
            with pytest.raises(AssertionError, match='End did not show'): check_slider(page, root, name)
        else:
            with pytest.raises(AssertionError): check_slider(page, root, name)
            assert errors, 'a throwing slider script must show up as a page error'
        page.close()
