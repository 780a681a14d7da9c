import warnings, numpy as np, torch, pickle, copy, io, contextlib, sys
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import DBNClassifier, RBMTransformer
from sklearn.base import clone
rng = np.random.RandomState(0)
Xr = rng.randn(30, 6); Xb = (rng.rand(30, 6) > 0.5).astype(float); y = np.array(['u', 'v', 'w'])[rng.randint(3, size=30)]
def D(**kw): return DBNClassifier(**{**dict(hidden_layer_sizes=(4, 3), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu'), **kw})
a = D().fit(Xb, y); b = clone(a).fit(Xb, y)
print('DBN same seed twice equal', np.array_equal(a.predict_proba(Xb), b.predict_proba(Xb)))
with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
    c = D(verbose=1).fit(Xb, y); tv = RBMTransformer(n_components=3, n_iter=2, random_state=0, device='cpu', verbose=1).fit(Xb)
print('DBN verbose=1 same model', np.array_equal(a.predict_proba(Xb), c.predict_proba(Xb)))
print('RBMT verbose=1 same model', np.array_equal(tv.transform(Xb), RBMTransformer(n_components=3, n_iter=2, random_state=0, device='cpu').fit(Xb).transform(Xb)))
g = D(visible='gaussian').fit(Xr, y)
for nm, f in (('pickle', lambda o: pickle.loads(pickle.dumps(o))), ('deepcopy', copy.deepcopy)):
    cg = f(g); print('gaussian DBN', nm, np.array_equal(cg.predict_proba(Xr), g.predict_proba(Xr)), type(cg.dbn_.rbms[0]).__name__)
# pickling a RBMTransformer with random_state=None: gibbs reproducible between copy and orig?
t = RBMTransformer(n_components=3, n_iter=1, device='cpu').fit(Xb)
print('random_state=None: random_state_ is numpy global RNG', t.random_state_ is np.random.mtrand._rand)
from sklearn.neural_network import BernoulliRBM
bb = BernoulliRBM(n_components=3, n_iter=1).fit(Xb); print('  BernoulliRBM same', bb.random_state_ is np.random.mtrand._rand)
