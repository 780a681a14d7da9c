"""For each module's __all__, is the name mentioned in its chapter's markdown cells (prose)? Also: in any chapter's prose?"""
import json, re, importlib, glob
mods = ['core','widgets','data','rbm','cd','dbn','sampling','finetune','ais','updown','cli','grbm','langevin','sklearn']
prose = {}
for nb in glob.glob('nbs/*.ipynb'):
    prose[nb] = '\n'.join(''.join(c['source']) for c in json.load(open(nb))['cells'] if c['cell_type'] == 'markdown')
allprose = '\n'.join(prose.values())
for m in mods:
    src = open(f'dbn_book/{m}.py').read()
    nb = 'nbs/' + re.search(r'File to edit: \.\./nbs/(\S+\.ipynb)', src).group(1)
    mod = importlib.import_module('dbn_book.' + m)
    missing = [n for n in mod.__all__ if not re.search(r'\b' + re.escape(n) + r'\b', prose[nb])]
    nowhere = [n for n in missing if not re.search(r'\b' + re.escape(n) + r'\b', allprose)]
    print(f'{m} ({nb}): {len(mod.__all__)} public, not in its chapter prose: {missing}; in no chapter prose: {nowhere}')

print('\n== dbn_book.__all__ (the curated exports): not named in their home chapter prose ==')
import dbn_book
for n in dbn_book.__all__:
    m = getattr(dbn_book, n).__module__.split('.')[-1] if hasattr(getattr(dbn_book, n), '__module__') else '?'
    src = open(f'dbn_book/{m}.py').read(); nb = 'nbs/' + re.search(r'File to edit: \.\./nbs/(\S+\.ipynb)', src).group(1)
    if not re.search(r'\b' + re.escape(n) + r'\b', prose[nb]):
        elsewhere = sorted(k.split('/')[-1] for k, p in prose.items() if re.search(r'\b' + re.escape(n) + r'\b', p))
        print(f'  {n} ({m}, home {nb.split("/")[-1]}): named in prose of {elsewhere or "no chapter"}')
