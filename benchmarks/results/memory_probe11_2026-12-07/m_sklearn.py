"""The scikit-learn estimators on full MNIST as float64 X in [0, 1] (as fetch_openml(...)/255 gives): peak RSS and time."""
import os, sys, time, gc, warnings
os.environ['OMP_NUM_THREADS'] = '1'
import numpy as np, torch; torch.set_num_threads(1)
sys.path.insert(0, os.path.dirname(__file__))
from rsstrace import Tracer
from dbn_book.data import load_mnist
from dbn_book.sklearn import RBMTransformer, DBNClassifier
ds = load_mnist('/work/shared/data/mnist', download=False)
X = ds.x_train.numpy().astype(np.float64) / 255; y = ds.y_train.numpy()
print(f"X float64 {X.nbytes/2**20:.0f} MiB", flush=True)
tr = Tracer(0.005)
def timed(name, f):
    gc.collect(); tr.mark(name); t = time.perf_counter(); r = f(); print(f"{name}: {time.perf_counter()-t:.1f} s", flush=True); return r
est = RBMTransformer(n_components=256, n_iter=1, random_state=0, device='cpu')
timed('RBMTransformer(256, n_iter=1, batch_size=10).fit(X 60k float64)', lambda: est.fit(X))
Z = timed('transform(X) -> float64 60k x 256', lambda: est.transform(X))
timed('score_samples(X[:10]) (first call: AIS 100 chains x 14500 steps)', lambda: est.score_samples(X[:10]))
timed('score_samples(X[:10]) again (cached log Z)', lambda: est.score_samples(X[:10]))
clf = DBNClassifier(hidden_layer_sizes=(500, 500), pretrain_epochs=1, epochs=1, random_state=0, device='cpu')
timed('DBNClassifier((500,500), 1+1 epochs).fit(X, y)', lambda: clf.fit(X, y))
timed('predict_proba(X) 60k', lambda: clf.predict_proba(X))
tr.mark('end'); tr.report()
