"""A wide RBM(784, H): peak RSS of building it and of one training epoch, against the parameter size; where the extra copies come from."""
import os, sys, time, gc
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer
from dbn_book.rbm import RBM
from dbn_book.cd import RBMTrainer, CDOptions
H = int(sys.argv[1]); N = 500
v = torch.bernoulli(torch.full((N, 784), 0.2), generator=torch.Generator().manual_seed(0))
tr = Tracer(0.005)
W_mb = 784 * H * 4 / 2**20
print(f"RBM(784, {H}): W is {W_mb:.0f} MiB float32", flush=True)
gc.collect(); tr.mark('RBM(784,H) constructor')
rbm = RBM(784, H, seed=0)
gc.collect(); tr.mark('RBMTrainer(...) constructor (velocity = zeros_like W)')
t = RBMTrainer(rbm, v, CDOptions(epochs=2, batch=100, lr=0.01), n_monitor=100, exact_units=0, seed=0, device='cpu')
gc.collect(); tr.mark('Trainer.state_dict() alone (the per-epoch snapshot)')
s = t.state_dict(); del s
gc.collect(); tr.mark('run_epoch alone (no snapshot), 5 batches of 100')
t.run_epoch(None)
gc.collect(); tr.mark('trainer.run(1): snapshot + epoch')
t.run(1, progress=False)
gc.collect(); tr.mark('end')
tr.report()
