"""a02: AffineMap (dbn_book/data.py) with rows on another device than the map.
Part A (F2): a map fitted on CPU rows, called on non-CPU rows: the real AffineMap.__call__, rows on 'meta'. Only for this
  part, dbn_book.data.check_real is replaced by a pass-through, because its NaN check calls bool() on the data, which
  meta tensors cannot do; the failing line (data.py:218) comes after it.
Part B (F1): fit_zca's map for CUDA rows: keep and fill are made with no device (data.py:270-271) while mean/A/A_inv follow
  the rows. Rebuilt here under FakeTensorMode (fake 'cuda' tensors, device rules as CUDA's, no GPU needed), then the real
  AffineMap.inverse is called on fake-CUDA rows.
Part C (controls): CPU map with CPU rows; CPU map's inverse of fake-CUDA rows (works: inverse moves v with .to(A_inv))."""
import traceback, torch
import dbn_book.data as D
from torch._subclasses.fake_tensor import FakeTensorMode

def last_frame(e):
    tb = traceback.extract_tb(e.__traceback__)
    f = next((f for f in reversed(tb) if 'dbn_book' in f.filename), tb[-1])
    return f"{f.filename.split('/')[-1]}:{f.lineno}: {f.line}"

g = torch.Generator().manual_seed(0)
x = torch.randn(200, 6, generator=g, dtype=torch.float64) * torch.tensor([1., 2, 3, 0, 1, 1], dtype=torch.float64) + 3
std, zca = D.fit_standardizer(x), D.fit_zca(x)
print("std map devices:", {k: str(getattr(std, k).device) for k in ('keep', 'mean', 'A', 'A_inv', 'fill')}, "dropped", std.n_dropped)

print("\n-- Part A: CPU-fitted map, rows on meta (stand-in for CUDA)")
real_check = D.check_real
D.check_real = lambda x, n, what, dtype=None, layer='visible': x # pass-through (see docstring)
try:
    for name, m in (('fit_standardizer', std), ('fit_zca', zca)):
        try: m(torch.empty(4, 6, device='meta', dtype=torch.float64)); print(f"{name}: no error")
        except Exception as e: print(f"{name}(x_meta) RAISES {type(e).__name__}: {str(e).splitlines()[0]}\n    at {last_frame(e)}")
finally: D.check_real = real_check

print("\n-- Part B: fit_zca's map as it comes out for CUDA rows (keep/fill on the CPU), inverse of CUDA rows")
with FakeTensorMode(allow_non_fake_inputs=True):
    cuda = torch.device('cuda')
    n = 6
    mixed = D.AffineMap(torch.ones(n, dtype=torch.bool), zca.mean.to(cuda), zca.A.to(cuda), zca.A_inv.to(cuda), torch.zeros(n)) # as data.py:270-271 build it
    v = torch.empty(4, n, device=cuda)
    try: out = mixed.inverse(v); print("inverse: no error", out.device)
    except Exception as e: print(f"fit_zca-on-CUDA map .inverse(v_cuda) RAISES {type(e).__name__}: {str(e).splitlines()[0]}\n    at {last_frame(e)}")
    try: out = zca.inverse(v); print("control: CPU-fitted zca.inverse(v_cuda) works, result on", out.device)
    except Exception as e: print(f"control RAISES {type(e).__name__}: {str(e).splitlines()[0]}")

print("\n-- Part C: control, all on the CPU")
print("fit_standardizer float64 round trip, max error", float((std.inverse(std(x)) - x).abs().max()))
x32 = x.float(); z32 = D.fit_zca(x32)
print("fit_zca float32 round trip, max error", float((z32.inverse(z32(x32)) - x32).abs().max()))
# incidental, not CUDA: fit_zca on float64 rows keeps mean in float64 but fill (data.py:271) in float32
try: zca.inverse(zca(x)); print("fit_zca float64 round trip: no error")
except Exception as e: print(f"INCIDENTAL (CPU too): fit_zca(float64 rows).inverse RAISES {type(e).__name__}: {str(e).splitlines()[0]}\n    at {last_frame(e)}")
