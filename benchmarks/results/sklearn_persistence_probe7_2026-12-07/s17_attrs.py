import warnings, numpy as np, torch, joblib, pickle, copy
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer, DBNClassifier
from sklearn.neural_network import BernoulliRBM
rng = np.random.RandomState(0); X = (rng.rand(30, 6) > 0.5).astype(float)
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:200].replace('\n', ' '))
t = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu').fit(X)
b = BernoulliRBM(n_components=4, n_iter=1, random_state=0).fit(X)
W0 = np.zeros((4, 6))
tryit('BernoulliRBM: components_ = W0', lambda: (setattr(b, 'components_', W0.copy()), b.transform(X[:1]).round(3))[1])
tryit('RBMTransformer: components_ = W0', lambda: (setattr(t, 'components_', W0.copy()), t.transform(X[:1]).round(3))[1])
tryit('RBMTransformer: intercept_hidden_ = 0', lambda: setattr(t, 'intercept_hidden_', np.zeros(4)))
# warm start pattern: set weights on an unfitted BernoulliRBM then partial_fit
bb = BernoulliRBM(n_components=4, random_state=0); bb.components_ = W0 + 0.1; bb.intercept_hidden_ = np.zeros(4); bb.intercept_visible_ = np.zeros(6)
tryit('BernoulliRBM warm start via attributes + partial_fit', lambda: bb.partial_fit(X).components_.shape)
# aliasing: components_ is a live view
t = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu').fit(X)
C = t.components_; C0 = C.copy(); t.partial_fit(X)
print('RBMT components_ held before partial_fit changed with it:', not np.array_equal(C, C0))
b = BernoulliRBM(n_components=4, n_iter=1, random_state=0).fit(X); Cb = b.components_; Cb0 = Cb.copy(); b.partial_fit(X)
print('BernoulliRBM components_ held before partial_fit changed with it:', not np.array_equal(Cb, Cb0))
tr0 = t.transform(X); C = t.components_; C *= 0
print('RBMT in-place edit of components_ changes transform:', not np.array_equal(tr0, t.transform(X)))
# joblib mmap
t = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu').fit(X)
joblib.dump(t, '/work/tmp/probe7/m.joblib'); tm = joblib.load('/work/tmp/probe7/m.joblib', mmap_mode='r')
tryit('joblib mmap_mode=r transform equal', lambda: np.array_equal(tm.transform(X), t.transform(X)))
tryit('joblib mmap_mode=r partial_fit', lambda: len(tm.partial_fit(X).history_))
joblib.dump(t, '/work/tmp/probe7/c.joblib', compress=3)
tryit('joblib compress transform equal', lambda: np.array_equal(joblib.load('/work/tmp/probe7/c.joblib').transform(X), t.transform(X)))
# other objects
from dbn_book.data import fit_standardizer, fit_zca
xr = torch.randn(50, 4, generator=torch.Generator().manual_seed(0))
for nm, mk in (('standardizer', lambda: fit_standardizer(xr)), ('zca', lambda: fit_zca(xr))):
    try:
        a = mk()
        for how, f in (('pickle', lambda o: pickle.loads(pickle.dumps(o))), ('deepcopy', copy.deepcopy)):
            c = f(a); print(nm, how, torch.equal(a(xr), c(xr)), torch.equal(a.inverse(a(xr)), c.inverse(c(xr))), a.log_det == c.log_det)
    except Exception as e: print(nm, 'RAISES', type(e).__name__, e)
tryit('LogPartition pickle', lambda: pickle.loads(pickle.dumps(t.log_partition())) == t.log_partition())
from dbn_book.ais import ais_log_partition
tryit('AIS result pickle', lambda: repr(pickle.loads(pickle.dumps(ais_log_partition(t.rbm_, n_chains=5, betas=torch.linspace(0, 1, 50), generator=torch.Generator().manual_seed(0))))))
