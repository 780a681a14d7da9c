"""Edge sizes: batch > rows, a single row, batch 1, rows not divisible by batch; exact enumeration limits and their cost."""
import os, sys, time, warnings
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
from dbn_book.rbm import RBM
from dbn_book.cd import train_rbm, RBMTrainer, CDOptions
from dbn_book.finetune import MLP, finetune
v = torch.bernoulli(torch.full((10, 784), 0.2), generator=torch.Generator().manual_seed(0))
def tryit(name, f):
    t = time.perf_counter()
    try: r = f(); print(f"{name}: ok in {time.perf_counter()-t:.2f} s -> {r}")
    except Exception as e: print(f"{name}: {type(e).__name__}: {str(e)[:200]}")
tryit('train_rbm 10 rows batch=1000 pcd: chains', lambda: (lambda t: (t.run(progress=False), tuple(t.chains.shape))[1])(RBMTrainer(RBM(784, 100, seed=0), v, CDOptions(epochs=1, batch=1000, method='pcd'), seed=0)))
tryit('train_rbm 10 rows batch=1000 cd', lambda: train_rbm(RBM(784, 100, seed=0), v, epochs=1, batch=1000, progress=False, seed=0)[-1]['recon_error'])
tryit('train_rbm 1 row', lambda: train_rbm(RBM(784, 100, seed=0), v[:1], epochs=2, progress=False, seed=0)[-1]['recon_error'])
tryit('train_rbm batch=1', lambda: train_rbm(RBM(784, 100, seed=0), v, epochs=1, batch=1, progress=False, seed=0)[-1]['recon_error'])
tryit('train_rbm 10 rows batch=3', lambda: train_rbm(RBM(784, 100, seed=0), v, epochs=1, batch=3, progress=False, seed=0)[-1]['recon_error'])
tryit('finetune 1 row batch 100', lambda: finetune(MLP([784, 50]), v[:1], torch.tensor([3]), epochs=1, progress=False, seed=0)[-1]['train_loss'])
tryit('RBM(784,30).log_partition_exact()', lambda: RBM(784, 30, seed=0).log_partition_exact())
tryit('RBM(784,10**6).log_partition_exact() (2^784 states)', lambda: RBM(784, 10**6, init_std=0.01, seed=0) and None)
for nh in (16, 18):
    tryit(f'RBM(784,{nh}).log_partition_exact() time', lambda: RBM(784, nh, seed=0).log_partition_exact().item())
tryit('RBM(10**5, 10**6) constructor', lambda: RBM(10**5, 10**6))
