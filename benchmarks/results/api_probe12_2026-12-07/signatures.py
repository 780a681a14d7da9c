"""Dump signatures of every public name in dbn_book and its modules."""
import torch; torch.set_num_threads(1)
import inspect, importlib, dbn_book
mods = ['core','widgets','data','rbm','cd','dbn','sampling','finetune','ais','updown','cli','grbm','langevin','sklearn']
for m in mods:
    mod = importlib.import_module('dbn_book.'+m)
    print(f'## {m}  __all__={getattr(mod,"__all__",None)}')
    for n in getattr(mod,'__all__',[]):
        o = getattr(mod,n)
        try: sig = str(inspect.signature(o))
        except Exception as e: sig = f'<{type(o).__name__}>'
        print(f'  {n}{sig}')
        if inspect.isclass(o):
            for a,v in o.__dict__.items():
                if a.startswith('_') and a!='__init__': continue
                if callable(v) or isinstance(v,(staticmethod,classmethod,property)):
                    f = v.__func__ if isinstance(v,(staticmethod,classmethod)) else v
                    try: print(f'      .{a}{inspect.signature(f)}')
                    except Exception: print(f'      .{a} <{type(v).__name__}>')
