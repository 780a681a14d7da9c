"""Write README.md from nbs/index.ipynb, without Quarto.

    python tools/readme.py            # rewrite README.md
    python tools/readme.py --check    # exit 1 (with a diff) if README.md is not what index.ipynb gives

`nbdev_readme` does this job through Quarto, which cannot be installed on this project's machines, so README.md is
generated here instead and tests/test_readme.py checks that the two agree. The rules follow what nbdev_readme
shows of a notebook:

- markdown cells are copied as they are; links to other notebooks (`01_rbm.ipynb`) point into `nbs/`, links
  that leave `nbs/` (`../benchmarks/results/x.png`) point from the root, and `images/` becomes `nbs/images/`;
- code cells become ```python blocks, without their `#|` option lines; cells marked `#| hide` or
  `#| include: false` are left out, `#| echo: false` shows only the outputs, `#| output: false` only the code;
- outputs: `text/markdown` is copied, plain text and streams become ``` blocks; HTML, images and widgets
  (which GitHub would not show) are left out.
"""
import difflib, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = '<!-- README.md is generated from nbs/index.ipynb by `python tools/readme.py`: edit the notebook, not this file -->\n'
_OPT = re.compile(r'^\s*#\|\s*([\w-]+)\s*(?::\s*(.*?))?\s*$')


def _src(x): return ''.join(x) if isinstance(x, list) else (x or '')


def _options(lines):
    "Quarto / nbdev cell options of a code cell as {name: value}."
    opts = {}
    for l in lines:
        m = _OPT.match(l)
        if m: opts[m.group(1)] = (m.group(2) or 'true').strip('"\'').lower()
    return opts


def _link(md):
    "Point links to sibling notebooks into nbs/, and links out of nbs/ (`../benchmarks/...`) to the root, as seen from there."
    md = re.sub(r'\]\(\.\./([^)\s]+)\)', r'](\1)', md)
    md = re.sub(r'\]\((images/[^)\s]+)\)', r'](nbs/\1)', md) # the site's images live in nbs/images
    return re.sub(r'\]\((?!https?:|#|/|nbs/)([^)\s]+\.ipynb)(#[^)\s]*)?\)', lambda m: f'](nbs/{m.group(1)}{m.group(2) or ""})', md)


def render(nb:dict) -> str:
    "The README text for a notebook given as a JSON dict."
    parts = []
    for c in nb.get('cells', []):
        src = _src(c.get('source')).strip('\n')
        if c['cell_type'] == 'markdown':
            if src.strip(): parts.append(_link(src))
            continue
        if c['cell_type'] != 'code': continue
        lines = src.split('\n')
        opts = _options(lines)
        if 'hide' in opts or opts.get('include') == 'false' or 'export' in opts or 'exporti' in opts: continue
        if 'default_exp' in opts: continue
        code = '\n'.join(l for l in lines if not _OPT.match(l)).strip('\n')
        if code and opts.get('echo') != 'false': parts.append(f'```python\n{code}\n```')
        if opts.get('output') == 'false': continue
        for o in c.get('outputs', []):
            if o.get('output_type') == 'stream':
                t = _src(o.get('text')).rstrip('\n')
                if t: parts.append(f'```\n{t}\n```')
            elif o.get('output_type') in ('execute_result', 'display_data'):
                d = o.get('data', {})
                if 'text/markdown' in d: parts.append(_link(_src(d['text/markdown']).strip('\n')))
                elif any(k.startswith(('image/', 'text/html', 'application/vnd.jupyter')) for k in d): continue
                elif 'text/plain' in d: parts.append(f'```\n{_src(d["text/plain"]).rstrip()}\n```')
    return HEADER + '\n' + '\n\n'.join(parts) + '\n'


def readme_from(nb_path=None) -> str:
    nb_path = Path(nb_path or ROOT / 'nbs' / 'index.ipynb')
    return render(json.loads(nb_path.read_text(encoding='utf-8')))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    want, path = readme_from(), ROOT / 'README.md'
    if '--check' in argv:
        have = path.read_text(encoding='utf-8') if path.exists() else ''
        if have == want: return 0
        sys.stdout.writelines(difflib.unified_diff(have.splitlines(True), want.splitlines(True), 'README.md', 'from nbs/index.ipynb'))
        print('\nREADME.md is out of step with nbs/index.ipynb: run `python tools/readme.py`', file=sys.stderr)
        return 1
    path.write_text(want, encoding='utf-8')
    print(f'wrote {path}')
    return 0


if __name__ == '__main__': sys.exit(main())
