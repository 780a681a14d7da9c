"Replace a snippet in a method's source and re-exec it in its module (helper for the mutants)."
import inspect, textwrap
def patch_method(cls, name, old, new):
    fn = getattr(cls, name)
    src = textwrap.dedent(inspect.getsource(fn))
    assert old in src, (name, old)
    src = src.replace(old, new)
    mod = inspect.getmodule(fn)
    ns = dict(vars(mod))
    # strip decorators such as @torch.no_grad() and re-apply them by hand where needed
    exec(compile(src, f'<mutant {name}>', 'exec'), ns)
    setattr(cls, name, ns[name])
