"""Collect `from dbn_book.x import names` in nbs/*.ipynb (code cells) and tests/*.py; compare with dbn_book.__all__."""
import json, re, glob, collections, ast
import dbn_book
pat = re.compile(r'from\s+dbn_book(\.\w+)?\s+import\s+\(?([^\n)]*(?:\n[^\n)]*)*?)\)?\s*(?:\n|$)')
uses = collections.defaultdict(set)
def scan(src, where):
    try: tree = ast.parse(src)
    except SyntaxError:
        # strip magics
        src = '\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%','!')))
        try: tree = ast.parse(src)
        except SyntaxError: return
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith('dbn_book') or (isinstance(node, ast.ImportFrom) and node.level>0):
            mod = node.module or ''
            for a in node.names: uses[(mod, a.name)].add(where)
for nb in sorted(glob.glob('nbs/*.ipynb')):
    d = json.load(open(nb))
    for c in d['cells']:
        if c['cell_type']=='code': scan(''.join(c['source']), nb)
for f in sorted(glob.glob('tests/*.py'))+sorted(glob.glob('benchmarks/*.py'))+sorted(glob.glob('tools/*.py')):
    scan(open(f).read(), f)
exported = set(dbn_book.__all__)
print('== names imported from submodules by chapters/tests, not in dbn_book.__all__ (public, non-core) ==')
for (mod,name),w in sorted(uses.items()):
    if name.startswith('_') : continue
    if name not in exported and mod not in ('dbn_book.core','dbn_book.sklearn','dbn_book.widgets','dbn_book.cli','dbn_book','dbn_book._modidx'):
        nbw = sorted(x for x in w if x.startswith('nbs/'))
        print(f'  {mod}.{name}: nbs={nbw} others={len(w)-len(nbw)}')
print('== private names imported (from dbn_book.x import _y) ==')
for (mod,name),w in sorted(uses.items()):
    if name.startswith('_'): print(f'  {mod}.{name}: {sorted(w)}')
print('== exported names never imported by name anywhere (nbs/tests/benchmarks/tools) ==')
imported = {n for (_,n) in uses}
for n in dbn_book.__all__:
    if n not in imported: print('  ', n)
