"""GaussianRBM(784, 20): within MAX_HIDDEN_EXACT = 20, so exact_grad is accepted; run under an address-space cap (Colab-like 12 GB) to see how it fails."""
import os, sys, time, resource
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
from dbn_book.grbm import GaussianRBM, MAX_HIDDEN_EXACT
from dbn_book.cd import exact_grad
print('MAX_HIDDEN_EXACT =', MAX_HIDDEN_EXACT, flush=True)
cap = int(sys.argv[1]) * 2**30
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
with open('/proc/self/status') as f: vm = [l for l in f if l.startswith('VmSize')][0].strip()
print('before cap:', vm, flush=True)
resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
g = GaussianRBM(784, 20, seed=0); t = time.perf_counter()
try: exact_grad(g, torch.randn(10, 784)); print('ok', time.perf_counter() - t)
except BaseException as e: print(f"after {time.perf_counter()-t:.1f} s: {type(e).__name__}: {str(e)[:300]}")
