"""a03: filter_images (dbn_book/cd.py) with a `keep` mask on CUDA, e.g. the `keep` of a fit_standardizer fitted on CUDA rows.
The real function cannot run on fake tensors (int(keep.sum()) at cd.py:329 needs data), so its last line, cd.py:332, is run
under FakeTensorMode with w as the function makes it (CPU, cd.py:323) and keep on fake 'cuda'. Control: the real function, CPU keep."""
import inspect, torch
from torch._subclasses.fake_tensor import FakeTensorMode
from dbn_book.cd import filter_images
src = inspect.getsource(filter_images).splitlines()
print("the line run below:", next(l.strip() for l in src if 'masked_scatter_' in l))
W = torch.randn(5, 3); keep = torch.tensor([True, False, True, True, False, True, True])
print("control, CPU keep:", tuple(filter_images(W, n=3, keep=keep).shape))
with FakeTensorMode(allow_non_fake_inputs=True):
    w = W[:, :3].T.detach().float().cpu()
    k = keep.to('cuda')
    try: torch.full((len(w), len(k)), 0.5).masked_scatter_(k, w); print("no error")
    except Exception as e: print(f"CUDA keep RAISES {type(e).__name__}: {str(e).splitlines()[0]}")
