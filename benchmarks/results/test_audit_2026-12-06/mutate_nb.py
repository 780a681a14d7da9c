"Write nbcopy/<name>.ipynb: nbs/02_cd.ipynb with one source snippet replaced (the chapter defines RBMTrainer itself, so a package mutant does not reach its checks)."
import json, sys
name, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
nb = json.load(open('/work/main/nbs/02_cd.ipynb'))
hits = 0
for c in nb['cells']:
    s = ''.join(c['source'])
    if old and old in s: c['source'] = s.replace(old, new); hits += 1
assert hits == (1 if old else 0), hits
json.dump(nb, open(f'/work/tmp/testaudit/nbcopy/{name}.ipynb', 'w'))
