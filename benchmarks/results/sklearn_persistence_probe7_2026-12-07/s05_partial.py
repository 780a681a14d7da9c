import warnings, numpy as np, torch
torch.set_num_threads(1)
from dbn_book.sklearn import RBMTransformer
from sklearn.neural_network import BernoulliRBM
from sklearn.base import clone
warnings.simplefilter('ignore')
rng = np.random.RandomState(0)
X = (rng.rand(40, 6) > 0.5).astype(float)
def T(**kw): return RBMTransformer(**{**dict(n_components=4, n_iter=2, random_state=0, device='cpu'), **kw})
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:300])
t = T(); t.partial_fit(X[:20]); t.partial_fit(X[20:])
print('partial x2 history', len(t.history_))
tryit('partial_fit different n_features', lambda: t.partial_fit(X[:, :5]))
b = BernoulliRBM(n_components=4, random_state=0); b.partial_fit(X)
tryit('  BernoulliRBM partial_fit different n_features', lambda: b.partial_fit(X[:, :5]))
# change batch_size between partial_fits (PCD chains carried)
t = T(batch_size=10); t.partial_fit(X)
t.set_params(batch_size=7)
tryit('partial_fit after batch_size 10->7', lambda: (t.partial_fit(X), t._carry['chains'].shape if t._carry.get('chains') is not None else None)[1])
t = T(batch_size=10); t.partial_fit(X); t.set_params(batch_size=40)
tryit('partial_fit after batch_size 10->40', lambda: (t.partial_fit(X), t._carry['chains'].shape if t._carry.get('chains') is not None else None)[1])
t = T(batch_size=10); t.partial_fit(X); t.set_params(method='cd')
tryit('partial_fit after method pcd->cd', lambda: t.partial_fit(X).history_[-1])
t.set_params(method='pcd')
tryit('  then cd->pcd', lambda: t.partial_fit(X).history_[-1])
t = T(); t.partial_fit(X); t.set_params(momentum=0.5)
tryit('partial_fit after momentum change', lambda: len(t.partial_fit(X).history_))
t = T(); t.partial_fit(X); t.set_params(learning_rate=0.01)
tryit('partial_fit after lr change', lambda: len(t.partial_fit(X).history_))
t = T(); t.partial_fit(X); t.set_params(n_components=5)
tryit('partial_fit after n_components change', lambda: t.partial_fit(X))
# partial_fit with fewer rows than batch
t = T(batch_size=10); t.partial_fit(X)
tryit('partial_fit 3 rows after 40 rows', lambda: len(t.partial_fit(X[:3]).history_))
tryit('partial_fit 1 row first', lambda: T().partial_fit(X[:1]).components_.shape)
# fit after partial_fit: starts afresh and equals fresh fit?
t = T(); t.partial_fit(X); t.fit(X)
print('fit after partial_fit == fresh fit:', np.array_equal(t.components_, T().fit(X).components_), len(t.history_))
# partial_fit after fit continues
t = T().fit(X); W = t.components_.copy(); t.partial_fit(X); print('partial after fit continues: hist', len(t.history_), 'changed', not np.array_equal(W, t.components_))
# failed refit leaves estimator as before
t = T().fit(X); W = t.components_.copy()
tryit('refit with bad X', lambda: t.fit(X - 1))
print('  after failed refit: same W', np.array_equal(W, t.components_), 'n_features_in_', t.n_features_in_)
tryit('refit with different shape', lambda: t.fit(np.ones((10, 3))).components_.shape)
print('  transform new shape', t.transform(np.ones((2, 3))).shape, 'feature names out', t.get_feature_names_out())
# failed partial_fit continuation
t = T().fit(X); W = t.components_.copy(); h = len(t.history_)
tryit('partial_fit bad X', lambda: t.partial_fit(X * 3))
print('  after failed partial_fit: same W', np.array_equal(W, t.components_), 'hist', len(t.history_))
# RandomState instance semantics
rs = np.random.RandomState(3)
a = T(random_state=rs).fit(X); bb = T(random_state=rs).fit(X)
print('RandomState shared: two fits differ', not np.array_equal(a.components_, bb.components_))
c = clone(a); print('clone of RandomState param keeps same object', c.random_state is a.random_state)
# n_iter=0
tryit('n_iter=0 fit', lambda: (T(n_iter=0).fit(X).history_, T(n_iter=0).fit(X).transform(X[:1])))
tryit('  BernoulliRBM n_iter=0', lambda: BernoulliRBM(n_iter=0).fit(X).components_.shape)
# transform before fit
from sklearn.exceptions import NotFittedError
tryit('transform unfitted', lambda: T().transform(X))
tryit('components_ unfitted', lambda: T().components_)
tryit('hasattr components_ unfitted', lambda: hasattr(T(), 'components_'))
tryit('variances_ binary', lambda: T().fit(X).variances_)
tryit('hasattr variances_ binary', lambda: hasattr(T().fit(X), 'variances_'))
