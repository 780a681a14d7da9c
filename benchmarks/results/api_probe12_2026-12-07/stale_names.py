"""Backticked snake_case identifiers (with '(' or '_') in chapter prose that no dbn_book module, class or method defines."""
import json, re, glob, importlib, inspect, builtins
import dbn_book
mods = ['core','widgets','data','rbm','cd','dbn','sampling','finetune','ais','updown','cli','grbm','langevin','sklearn']
known = set(dir(builtins))
for m in mods:
    mod = importlib.import_module('dbn_book.' + m); known |= set(vars(mod))
    for o in list(vars(mod).values()):
        if inspect.isclass(o): known |= {a for c in o.__mro__ for a in vars(c)}
        if inspect.isclass(o) and hasattr(o, '__dataclass_fields__'): known |= set(o.__dataclass_fields__)
        if callable(o):
            try: known |= set(inspect.signature(o).parameters)
            except (TypeError, ValueError): pass
    for o in list(vars(mod).values()):
        if inspect.isclass(o):
            for a in vars(o).values():
                f = getattr(a, '__func__', a)
                if callable(f):
                    try: known |= set(inspect.signature(f).parameters)
                    except (TypeError, ValueError): pass
from dbn_book.cli import train_parser
known |= {a.dest for a in train_parser()._actions}
for nb in sorted(glob.glob('nbs/*.ipynb')):
    text = '\n'.join(''.join(c['source']) for c in json.load(open(nb))['cells'] if c['cell_type'] == 'markdown')
    found = set()
    for code in re.findall(r'`([^`\n]+)`', text):
        for name in re.findall(r'(?<![\w.])([a-z][a-z0-9]*_[a-z0-9_]+)\s*\(', code) + re.findall(r'^([a-z][a-z0-9]*_[a-z0-9_]+)$', code.strip()):
            if name not in known: found.add(name)
        for name in re.findall(r'\.([a-z][a-z0-9_]*)\(', code):
            if name not in known and not hasattr(__import__('torch').Tensor, name): found.add('.' + name)
    if found: print(nb.split('/')[-1], sorted(found))
