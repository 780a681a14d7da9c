"""RSS after each epoch: RBM training (CD and PCD), fine-tuning, up-down; a leak would grow it epoch by epoch."""
import os, sys, gc
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import rss_mb
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.rbm import RBM
from dbn_book.cd import train_rbm
from dbn_book.dbn import DBN, train_dbn
from dbn_book.finetune import MLP, finetune
from dbn_book.updown import up_down
v, y, _, _ = mnist_tensors(load_mnist('/work/shared/data/mnist', download=False), 'sample', 0)
v, y = v[:10000], y[:10000]
def cb(name):
    rs = []
    def f(trainer, record): gc.collect(); rs.append(round(rss_mb()))
    return rs, f
for name, run in [
    ('train_rbm cd', lambda f: train_rbm(RBM(784, 500, seed=0), v, epochs=8, progress=False, callback=f, v_valid=v[:1000], seed=0)),
    ('train_rbm pcd', lambda f: train_rbm(RBM(784, 500, seed=0), v, epochs=8, method='pcd', progress=False, callback=f, seed=0)),
    ('finetune', lambda f: finetune(MLP([784, 500, 500]), v, y, epochs=8, progress=False, callback=f, v_valid=v[:1000], y_valid=y[:1000], seed=0)),
]:
    rs, f = cb(name); run(f); print(f"{name}: RSS after each epoch (MB): {rs}", flush=True)
dbn = DBN([784, 200, 200], n_labels=10, seed=0); train_dbn(dbn, v, y, epochs=1, progress=False, seed=0)
rs, f = cb('up_down'); up_down(dbn, v, y, epochs=8, method='pcd', progress=False, callback=f, seed=0)
print(f"up_down pcd: RSS after each epoch (MB): {rs}")
