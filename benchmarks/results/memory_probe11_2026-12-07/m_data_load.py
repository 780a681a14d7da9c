"""Peak RSS while loading MNIST and binarizing it (what dbn_train/dbn_rbm do first)."""
import os, sys, gc
os.environ['OMP_NUM_THREADS'] = '1'
import torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer
tr = Tracer(0.005)
from dbn_book.data import load_mnist, mnist_tensors, binarize
tr.mark('imports done')
ds = load_mnist('/work/shared/data/mnist', download=False)
tr.mark('load_mnist done (uint8 train 47 MB + test 7.8 MB)')
v_tr, y_tr, v_te, y_te = mnist_tensors(ds, 'sample', 0)
tr.mark('mnist_tensors done (float32 train 188 MB + test 31 MB)')
print('v_tr', v_tr.dtype, tuple(v_tr.shape), f"{v_tr.numel()*v_tr.element_size()/2**20:.0f} MiB")
del v_tr, v_te; gc.collect()
tr.mark('binarize(x_train, threshold) alone')
b = binarize(ds.x_train, 'threshold')
tr.mark('done')
tr.report()
