"""Inline math in the notebooks' markdown survives both Markdown readers of the book: the preview's (nbconvert's
mistune) and Quarto's (Pandoc).

Mistune lets a list item interrupt a paragraph, so an inline formula `$...$` that spans lines where a line begins with
`- `, `+ ` or `* ` is cut in two and MathJax shows raw TeX (tests/test_browser.py::test_no_raw_tex sees the result in
the browser; this test names the cell, without a browser). Where `pandoc` is installed, each notebook's markdown also
goes through Pandoc's reader, as Quarto's does, and no TeX command may be left outside its math spans (read without
Pandoc's `raw_tex` extension, so that TeX outside math shows up as text instead of silently vanishing from the HTML).
"""
import json, re, shutil, subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NBS = sorted(p for p in (ROOT / 'nbs').glob('*.ipynb') if not p.name.startswith('_'))
PANDOC = shutil.which('pandoc')
_LIST_START = re.compile(r'^[ \t]*([-+*]|\d+[.)])[ \t]')


def _markdown_cells(nb):
    for c in json.loads(nb.read_text(encoding='utf-8'))['cells']:
        if c['cell_type'] == 'markdown': yield c.get('id'), ''.join(c['source'])


def _without_code(md):
    "The markdown with fenced blocks, display math and code spans blanked (their `$` and lines are not inline math)."
    md = re.sub(r'(?ms)^```.*?^```[^\n]*$', '', md)
    md = re.sub(r'(?s)\$\$.*?\$\$', '', md)
    return re.sub(r'(`+)(?s:.+?)\1', '', md)


def broken_inline_math(md):
    "The inline formulas of `md` that span lines where a continuation line would start a list item."
    bad = []
    for m in re.finditer(r'(?<![\\$])\$(?=\S)(.+?)(?<=\S)(?<!\\)\$', _without_code(md), flags=re.S):
        lines = m.group(1).split('\n')
        if any(_LIST_START.match(line) for line in lines[1:]): bad.append(m.group(0))
    return bad


def test_lint_can_fail():
    assert broken_inline_math('a $x\n- y$ b') == ['$x\n- y$']
    assert broken_inline_math('a $x\n+ y$ and $u\n* v$') == ['$x\n+ y$', '$u\n* v$']
    assert broken_inline_math('a $x -\ny$ b, $5 and\n- a list') == []
    assert broken_inline_math('`$x`\n- item `y$`') == []


@pytest.mark.parametrize('nb', NBS, ids=[p.stem for p in NBS])
def test_no_line_in_inline_math_starts_a_list(nb):
    bad = [(cid, f) for cid, md in _markdown_cells(nb) for f in broken_inline_math(md)]
    assert not bad, (f'{nb.name}: inline math with a line that Markdown reads as a list item (rewrap so that no line '
                     f'inside $...$ begins with "- ", "+ " or "* "): ' + '; '.join(f'cell {c}: {f[:80]!r}' for c, f in bad))


def pandoc_raw_tex(md):
    "TeX commands that Pandoc's Markdown reader (Quarto's) leaves outside math and code."
    h = subprocess.run([PANDOC, '-f', 'markdown-raw_tex', '-t', 'html', '--mathjax', '--wrap=none'], input=md,
                       capture_output=True, text=True, check=True).stdout
    h = re.sub(r'(?s)<span class="math (?:inline|display)">.*?</span>|<code[^>]*>.*?</code>', '', h)
    return re.findall(r'\\[A-Za-z]+', h)


@pytest.mark.skipif(not PANDOC, reason='pandoc is not installed (apt-get install pandoc): the Quarto reader check needs it')
def test_pandoc_reads_the_math():
    assert pandoc_raw_tex('a $\\mathbf v^\\top$ b') == []
    assert pandoc_raw_tex('a $ \\mathbf v$ b') == ['\\mathbf']      # not math (space after $): the check can fail
    bad = {}
    for nb in NBS:
        found = pandoc_raw_tex('\n\n'.join(md for _, md in _markdown_cells(nb)))
        if found: bad[nb.name] = sorted(set(found))
    assert not bad, f'TeX outside math in Pandoc (Quarto) reading: {bad}'
