"""predict_labels on the 10,000 test rows, default sizes: time and peak RSS, against computing the top RBM's hidden input once and adding each label's weight row."""
import os, sys, time, gc
os.environ['OMP_NUM_THREADS'] = '1'
import torch, torch.nn.functional as F; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, predict_labels
_, _, v_te, _ = mnist_tensors(load_mnist('/work/shared/data/mnist', download=False), 'sample', 0)
sizes = [int(s) for s in sys.argv[1].split(',')]
dbn = DBN(sizes, n_labels=10, seed=0)
with torch.no_grad():  # non-trivial label weights so that the answers differ by row
    dbn.top.W.normal_(0, 0.1, generator=torch.Generator().manual_seed(1))
tr = Tracer(0.005)
gc.collect(); tr.mark('predict_labels(dbn, v_te) (10 full top products)'); t = time.perf_counter()
a = predict_labels(dbn, v_te); t1 = time.perf_counter() - t
gc.collect(); tr.mark('one top product + label rows'); t = time.perf_counter()
with torch.no_grad():
    top, n = dbn.top, dbn.sizes[-2]
    h = dbn.up(v_te)
    base = torch.addmm(top.c, h, top.W[:n])                         # c + h W_h, once
    fe = torch.stack([-(h @ top.b[:n] + top.b[n + j]) - F.softplus(base + top.W[n + j]).sum(1) for j in range(dbn.n_labels)], 1)
    b = fe.argmin(1)
t2 = time.perf_counter() - t
tr.mark('end')
print(f"sizes {sizes}: predict_labels {t1:.2f} s; factored {t2:.2f} s; same labels: {bool((a == b).all())} ({int((a != b).sum())} differ)")
tr.report()
