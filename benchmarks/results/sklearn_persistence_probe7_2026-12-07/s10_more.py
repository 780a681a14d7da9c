import warnings, numpy as np, torch, pandas as pd, pickle
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import DBNClassifier, RBMTransformer, rbm_from_sklearn
from sklearn.neural_network import BernoulliRBM
from sklearn.exceptions import NotFittedError
rng = np.random.RandomState(0)
X = (rng.rand(30, 6) > 0.5).astype(float)
def T(**kw): return RBMTransformer(**{**dict(n_components=4, n_iter=2, random_state=0, device='cpu'), **kw})
def D(**kw): return DBNClassifier(**{**dict(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu'), **kw})
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:200].replace('\n', ' '))
t = T().fit(X); ref = t.transform(X)
ro = X.copy(); ro.flags.writeable = False
tryit('read-only X', lambda: np.abs(t.transform(ro) - ref).max())
tryit('F-order X', lambda: np.abs(t.transform(np.asfortranarray(X)) - ref).max())
tryit('reversed rows X', lambda: np.abs(t.transform(X[::-1]) - ref[::-1]).max())
tryit('strided cols', lambda: t.transform(np.c_[X, X][:, ::2][:, :6]).shape)
tryit('read-only fit', lambda: np.abs(T().fit(ro).transform(X) - ref).max())
# feature_names_in_ after refit with numpy
df = pd.DataFrame(X, columns=list('abcdef'))
t2 = T().fit(df); t2.fit(X); print('refit numpy: has feature_names_in_', hasattr(t2, 'feature_names_in_'))
d = D().fit(df, X[:, 0]); d.fit(X, X[:, 0]); print('DBN refit numpy: has feature_names_in_', hasattr(d, 'feature_names_in_'))
# DBN failed refit leaves as before
d = D().fit(X, X[:, 0]); P = d.predict_proba(X)
tryit('DBN refit one class', lambda: d.fit(X, np.zeros(30)))
print('  after failed refit predict_proba same', np.array_equal(P, d.predict_proba(X)), d.classes_)
tryit('DBN refit bad X', lambda: d.fit(X * 2, X[:, 0]))
print('  after failed refit predict_proba same', np.array_equal(P, d.predict_proba(X)))
# double model inside estimator
t = T().fit(X); t.rbm_.double()
tryit('rbm_.double() transform f64 dtype', lambda: (t.transform(X).dtype, np.abs(t.transform(X) - ref).max()))
tryit('rbm_.double() transform f32', lambda: t.transform(X.astype(np.float32)).dtype)
tryit('rbm_.double() score_samples', lambda: t.score_samples(X)[:2])
tryit('rbm_.double() partial_fit', lambda: (t.partial_fit(X).rbm_.W.dtype, len(t.history_)))
tryit('rbm_.double() components_ dtype', lambda: t.components_.dtype)
tryit('rbm_.double() pickle', lambda: np.array_equal(pickle.loads(pickle.dumps(t)).transform(X), t.transform(X)))
d = D().fit(X, X[:, 0]); P = d.predict_proba(X); d.mlp_.double()
tryit('mlp_.double() predict_proba', lambda: np.abs(d.predict_proba(X) - P).max())
# rbm_from_sklearn
b = BernoulliRBM(n_components=4, n_iter=3, random_state=0).fit(X)
r = rbm_from_sklearn(b)
tryit('rbm_from_sklearn(BernoulliRBM) p_h vs transform', lambda: np.abs(r.p_h(torch.tensor(X, dtype=torch.float32)).numpy() - b.transform(X)).max())
tryit('rbm_from_sklearn(BernoulliRBM) free energy vs _free_energy', lambda: np.abs(r.free_energy(torch.tensor(X, dtype=torch.float32)).numpy() - b._free_energy(X)).max())
tryit('rbm_from_sklearn unfitted', lambda: rbm_from_sklearn(BernoulliRBM()))
tryit('rbm_from_sklearn unfitted RBMT', lambda: rbm_from_sklearn(T()))
tryit('rbm_from_sklearn DBN', lambda: rbm_from_sklearn(D().fit(X, X[:, 0])))
t = T().fit(X); r2 = rbm_from_sklearn(t)
tryit('rbm_from_sklearn(RBMT) not shared', lambda: (r2.W.add_(1), np.array_equal(t.transform(X), ref))[1])
gt = T(visible='gaussian').fit(rng.randn(30, 6))
tryit('rbm_from_sklearn(gauss RBMT)', lambda: type(rbm_from_sklearn(gt)).__name__)
tryit('rbm_from_sklearn(pipeline)', lambda: rbm_from_sklearn(__import__('sklearn.pipeline').pipeline.make_pipeline(T()).fit(X)))
