import math, os, stat, tempfile, numpy as np, torch
from pathlib import Path
from _h import check, done
from dbn_book import core
from dbn_book.core import *

check('c01', 'core.resolve_device', "None: CUDA when available, else the CPU", resolve_device(None) == torch.device('cpu'))
before = torch.get_float32_matmul_precision()
try:
    with matmul_precision('medium'): inside = torch.get_float32_matmul_precision(); raise RuntimeError('x')
except RuntimeError: pass
check('c02', 'core.matmul_precision', "the setting before it restored after (even when the block fails)", inside == 'medium' and torch.get_float32_matmul_precision() == before)
g = make_generator(seed=3)
check('c03', 'core.make_generator', "a new one on `device` seeded with `seed`; device default the CPU",
      g.device.type == 'cpu' and torch.equal(torch.rand(3, generator=g), torch.rand(3, generator=torch.Generator().manual_seed(3))))
torch.manual_seed(5); a = torch.rand(2, generator=own_generator()); torch.manual_seed(5); b = torch.rand(2, generator=own_generator())
check('c04', 'core.own_generator / ch0 prose', "seeded from torch's global one, so that torch.manual_seed still fixes the run", torch.equal(a, b))
check('c05', 'core.check_int', "`x` as an int if it is an integer (numpy's too)", type(check_int(np.int64(4), 'x')) is int)
check('c06', 'core.check_number', "`x` as a float ... (numpy's too)", type(check_number(np.float32(0.5), 'x')) is float)
try: check_number(0.0, 'x'); ok = False
except ValueError as e: ok = 'x' in str(e)
check('c07', 'core.check_number', "in (lo, hi) ... else a ValueError naming `name`", ok)
check('c08', 'core.check_steps', "as a list of increasing integers", check_steps((1, np.int64(10))) == [1, 10])
check('c09', 'core.check_sizes', "Units per layer ... as a list", check_sizes((784, np.int32(5))) == [784, 5] and all(type(x) is int for x in check_sizes((784, np.int32(5)))))
y = check_labels(np.array([1, 2], dtype=np.uint8), 3)
check('c10', 'core.check_labels', "(of any integer dtype) as a 1-D int64 tensor", y.dtype == torch.int64 and y.ndim == 1)
x = check_units(torch.tensor([[0, 1]], dtype=torch.uint8), 2, 'v', 'visible')
check('c11', 'core.check_units', "dtype default: float32 for non-floats", x.dtype == torch.float32)
x = check_units(torch.tensor([[0., 1.]], dtype=torch.float64), 2, 'v', 'visible')
check('c12', 'core.check_units', "converts the rows to ... (float64 kept without dtype)", x.dtype == torch.float64)
check('c13', 'core.check_real', "integers as float32", check_real(torch.tensor([[1, 2]]), 2, 'x').dtype == torch.float32)
from dbn_book.ais import AISResult
r = AISResult(1.5, 1., 2., 0., torch.zeros(2), 3)
check('c14', 'core.check_log_z', "a number, a one-element tensor or array, or a result with a `log_z`",
      check_log_z(r) == 1.5 and check_log_z(torch.tensor([2.])) == 2. and check_log_z(np.array(3.)) == 3.)
check('c15', 'core.largest_magnitude', "0 for none; NaN if any entry is", largest_magnitude([]) == 0. and math.isnan(largest_magnitude([torch.tensor([1., float('nan')])])))
check('c16', 'core.divergence', "'' if nothing", divergence([torch.ones(2)]) == '' and 'huge' in divergence([torch.tensor([2e4])]))
d = tempfile.mkdtemp(); p = Path(d) / 'f.bin'
old = os.umask(0o022); out = atomic_write(p, lambda f: f.write(b'abc')); os.umask(old)
mode = stat.S_IMODE(p.stat().st_mode)
check('c17', 'core.atomic_write', "returns the Path; mkstemp's file is private: give it the usual permissions (0o666 & ~umask)",
      isinstance(out, Path) and p.read_bytes() == b'abc' and mode == 0o644, f"mode {oct(mode)}")
try: atomic_write(p, lambda f: (f.write(b'zz'), 1 / 0))
except ZeroDivisionError: pass
check('c18', 'core.atomic_write', "never half-written: a failed write keeps the old file and no temp", p.read_bytes() == b'abc' and os.listdir(d) == ['f.bin'])
os.symlink(p, Path(d) / 'link'); atomic_write(Path(d) / 'link', lambda f: f.write(b'new'))
check('c19', 'core.writable_path', "a link's target is written, keeping the link", (Path(d)/'link').is_symlink() and p.read_bytes() == b'new')
c = cpu_copy({'a': np.float32(1.5), 'b': [torch.ones(1)]})
check('c20', 'core.cpu_copy', "numpy's numbers made Python's", type(c['a']) is float)
try: check_keywords({'lrr': 1}, CDOptions := __import__('dbn_book').CDOptions); ok = False
except TypeError as e: ok = "did you mean 'lr'" in str(e)
check('c21', 'core.check_keywords', "a TypeError naming the nearest", ok)
try: readable_copy({np.int64(1): 2}); ok = False
except TypeError as e: ok = 'key' in str(e)
check('c22', 'core.readable_copy', "a TypeError naming each entry torch.load(weights_only=True) would not read back (a numpy int key)", ok)
done()
