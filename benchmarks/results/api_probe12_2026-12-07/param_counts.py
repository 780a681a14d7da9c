"""Public functions, constructors and methods with more than 10 parameters (self, *args, **kwargs not counted)."""
import importlib, inspect
mods = ['core','widgets','data','rbm','cd','dbn','sampling','finetune','ais','updown','cli','grbm','langevin','sklearn']
def count(f):
    try: ps = inspect.signature(f).parameters.values()
    except (TypeError, ValueError): return -1
    return sum(p.name not in ('self', 'cls') and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in ps)
seen = set()
for m in mods:
    mod = importlib.import_module('dbn_book.' + m)
    for n in mod.__all__:
        o = getattr(mod, n)
        items = [(n, o)] + ([(f'{n}.{a}', getattr(v, '__func__', v)) for a, v in vars(o).items() if callable(getattr(v, '__func__', v)) and not a.startswith('_')] if inspect.isclass(o) else [])
        for name, f in items:
            if id(f) in seen: continue
            seen.add(id(f))
            c = count(f)
            if c > 10: print(f'{m}.{name}: {c} parameters' + ('  (scikit-learn estimator)' if m == 'sklearn' else ''))
