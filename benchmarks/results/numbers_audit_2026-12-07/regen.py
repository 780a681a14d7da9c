import json, sys, numpy as np
from pathlib import Path
class Markdown(str):
    pass
cases = {'04_sampling.ipynb':[32,42], '05_finetune.ipynb':[37], '06_ais.ipynb':[67,69]}
for nbname, cells in cases.items():
    nb = json.load(open(nbname))
    for ci in cells:
        c = nb['cells'][ci]
        src = ''.join(c['source'])
        lines = src.rstrip().split('\n')
        # find the final expression (starts with Markdown()
        idx = max(i for i,l in enumerate(lines) if l.startswith('Markdown('))
        body = '\n'.join(lines[:idx]); expr = '\n'.join(lines[idx:])
        g = {'json': json, 'np': np, 'Path': Path, 'Markdown': Markdown}
        exec(body, g)
        out = eval(expr, g)
        committed = ''.join([o['data'].get('text/markdown', o['data'].get('text/plain','')) for o in c['outputs'] if 'data' in o][0])
        same = str(out).strip() == committed.strip()
        print(nbname, ci, 'SAME' if same else 'DIFFERENT')
        if not same:
            import difflib
            for l in difflib.unified_diff(committed.strip().split('\n'), str(out).strip().split('\n'), 'committed', 'regenerated', lineterm='', n=0): print('   ', l)
