"""DBN.recognition_weights / mlp_from_dbn: torch.eye(n_visible) per RBM -> memory quadratic in a layer's width, time cubic for square layers."""
import os, sys, time, gc
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer
from dbn_book.dbn import DBN
from dbn_book.finetune import mlp_from_dbn
tr = Tracer(0.005)
for spec in sys.argv[1:]:
    sizes = [int(s) for s in spec.split(',')]
    dbn = DBN(sizes, n_labels=10, seed=0); gc.collect()
    params = sum(p.numel() for p in dbn.parameters()) * 4 / 2**20
    tr.mark(f'mlp_from_dbn {sizes} (+10 labels), params {params:.0f} MiB'); t = time.perf_counter()
    mlp = mlp_from_dbn(dbn); t1 = time.perf_counter() - t
    del mlp; gc.collect()
    tr.mark(f'  the same weights by copies of W'); t = time.perf_counter()
    direct = [(r.W[:n].clone(), r.c.clone()) for r, n in zip(dbn.rbms, dbn.sizes)]; t2 = time.perf_counter() - t
    same = all(torch.allclose(a, b) for (a, _), (b, _) in zip(direct, dbn.recognition_weights()))
    print(f"{sizes}: params {params:.0f} MiB; mlp_from_dbn {t1:.2f} s; W.T copies {t2:.3f} s; same weights: {same}", flush=True)
    del direct, dbn; gc.collect()
tr.mark('end')
tr.report()
