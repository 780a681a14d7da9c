"""Stop 65: three ways to read an RBM's W' off its hidden input, for one layer of a DBN, in a fresh process each, timed and
measured alike (one thread): a full n_visible x n_visible identity (before cb31f44), F.one_hot rows 1,024 at a time (cb31f44),
rows of the identity made in the weights' dtype by scatter_, 1,024 at a time (9ffc768, what DBN.recognition_weights does).
    OMP_NUM_THREADS=1 python s65_recog_ways.py WAY SIZES LAYER     # WAY: eye, onehot or scatter; SIZES e.g. 784,30000,10
"""
import torch, time, resource, copy, sys
import torch.nn.functional as F
torch.set_num_threads(1)
from dbn_book.dbn import DBN
way, sizes, layer = sys.argv[1], [int(s) for s in sys.argv[2].split(',')], int(sys.argv[3])
d = DBN(sizes, n_labels=10, seed=0)
r, n = d.rbms[layer], d.sizes[layer]
m = copy.deepcopy(r); m.c.zero_()
def onehot(): return torch.cat([m.hidden_input(F.one_hot(i, r.n_visible).to(r.W)) for i in torch.arange(n).split(1024)])
def scat(): return torch.cat([m.hidden_input(torch.zeros(len(i), r.n_visible, dtype=r.W.dtype).scatter_(1, i[:, None], 1.)) for i in torch.arange(n).split(1024)])
def eye(): return m.hidden_input(torch.eye(r.n_visible, dtype=r.W.dtype))[:n]
f = {'onehot': onehot, 'scatter': scat, 'eye': eye}[way]
r0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
t = time.time(); W = f()
print(f"{way:8s} {sizes} layer {layer} ({r.n_visible} x {r.n_hidden}): {time.time() - t:.2f} s, peak RSS +{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3 - r0:.0f} MB, equal to W[:n] bit for bit: {torch.equal(W, r.W[:n])}")
