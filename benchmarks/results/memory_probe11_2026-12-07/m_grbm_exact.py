"""exact_grad / model_expectations of a GaussianRBM(784, n_hidden): peak RSS vs n_hidden (the limit is 20), compared with RBM(784, n_hidden)."""
import os, sys, time, gc
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer
from dbn_book.grbm import GaussianRBM
from dbn_book.rbm import RBM
from dbn_book.cd import exact_grad
tr = Tracer(0.005)
v = torch.randn(10, 784)
vb = torch.bernoulli(torch.full((10, 784), 0.3))
for nh in [int(a) for a in sys.argv[1:]]:
    g = GaussianRBM(784, nh, seed=0); gc.collect()
    tr.mark(f'GaussianRBM(784,{nh}) exact_grad'); t = time.perf_counter()
    exact_grad(g, v); print(f"GaussianRBM(784,{nh}) exact_grad {time.perf_counter()-t:.1f} s; one (2^{nh} x 784) float64 tensor = {2**nh*784*8/2**20:.0f} MiB", flush=True)
    gc.collect(); tr.mark(f'GaussianRBM(784,{nh}) log_partition_exact'); t = time.perf_counter()
    g.log_partition_exact(); print(f"GaussianRBM(784,{nh}) log_partition_exact {time.perf_counter()-t:.1f} s", flush=True)
    r = RBM(784, nh, seed=0); gc.collect()
    tr.mark(f'RBM(784,{nh}) exact_grad'); t = time.perf_counter()
    exact_grad(r, vb); print(f"RBM(784,{nh}) exact_grad {time.perf_counter()-t:.1f} s", flush=True)
tr.mark('end')
tr.report()
