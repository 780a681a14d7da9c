"""Names a chapter's *reader* cells (not #| export cells) import from dbn_book submodules, and whether dbn_book exports them.
Also: in-module library imports (export cells) of names from other modules."""
import json, glob, collections, ast, re
import dbn_book
reader = collections.defaultdict(set); lib = collections.defaultdict(set)
for nb in sorted(glob.glob('nbs/*.ipynb')):
    for c in json.load(open(nb))['cells']:
        if c['cell_type']!='code': continue
        src=''.join(c['source'])
        exp = bool(re.search(r'^#\|\s*export', src, re.M))
        src2='\n'.join(l for l in src.splitlines() if not l.lstrip().startswith(('%','!')))
        try: tree=ast.parse(src2)
        except SyntaxError: continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith('dbn_book'):
                for a in node.names:
                    (lib if exp else reader)[(node.module,a.name)].add(nb.split('/')[-1])
ex=set(dbn_book.__all__)
print('== reader cells: from dbn_book.<mod> import name, name not in dbn_book.__all__ ==')
for (m,n),w in sorted(reader.items(), key=lambda t:-len(t[1])):
    if n not in ex and m!='dbn_book.core' and n!='*': print(f'  {m}.{n}  ({len(w)} chapters: {", ".join(sorted(w))})')
print('== reader cells: `from dbn_book import *` or `from dbn_book import x` uses ==')
for (m,n),w in sorted(reader.items()):
    if m=='dbn_book': print(f'  {n}: {sorted(w)}')
print('== reader cells: exported names imported from their submodule instead of from dbn_book ==')
c=collections.Counter()
for (m,n),w in reader.items():
    if n in ex and m!='dbn_book': c[m]+=len(w)
print(' ', dict(c))
