"""dbn_log_likelihood_bound on N test rows (n_samples=10), peak RSS above the start, vs the same call in chunks of 500 rows."""
import os, sys, time, gc
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer, rss_mb
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN
from dbn_book.ais import dbn_log_likelihood_bound
_, _, v_te, y_te = mnist_tensors(load_mnist('/work/shared/data/mnist', download=False), 'sample', 0)
dbn = DBN([784, 500, 500, 2000], n_labels=10, seed=0)
tr = Tracer(0.01)
for N in [int(a) for a in sys.argv[1:]]:
    gc.collect(); tr.mark(f'bound, N={N} rows x n_samples=10, one call'); t = time.perf_counter()
    b1 = dbn_log_likelihood_bound(dbn, v_te[:N], 0.0, n_samples=10, generator=torch.Generator().manual_seed(0))
    print(f"N={N}: one call {time.perf_counter()-t:.1f} s", flush=True)
    gc.collect(); tr.mark(f'bound, N={N}, in chunks of 500 rows'); t = time.perf_counter()
    g = torch.Generator().manual_seed(0)
    b2 = torch.cat([dbn_log_likelihood_bound(dbn, v, 0.0, n_samples=10, generator=g) for v in v_te[:N].split(500)])
    print(f"N={N}: chunked {time.perf_counter()-t:.1f} s; mean bound one call {b1.mean():.3f}, chunked {b2.mean():.3f}", flush=True)
tr.mark('end')
tr.report()
