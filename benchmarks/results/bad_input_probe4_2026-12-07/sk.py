import numpy as np, warnings, torch, scipy.sparse as sp
warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer, DBNClassifier
rng = np.random.RandomState(0)
X = (rng.rand(60, 8) < .4).astype(np.float32); y = np.arange(60) % 3
def tr(name, f):
    try: r = f(); print(name, '->', r if not isinstance(r, np.ndarray) else (r.dtype, r.shape, r.ravel()[:6]))
    except Exception as e: print(name, '!!', type(e).__name__, str(e)[:200])
kw = dict(n_iter=2, n_components=4, random_state=0, device='cpu', batch_size=10)
X0 = X.copy()
t = RBMTransformer(**kw).fit(X); tr('X unchanged after fit', lambda: np.array_equal(X, X0))
t.transform(X); t.gibbs(X); t.score_samples(X); tr('X unchanged after transform/gibbs/score', lambda: np.array_equal(X, X0))
c = DBNClassifier(hidden_layer_sizes=(5, 4), pretrain_epochs=2, epochs=2, random_state=0, device='cpu', batch_size=10).fit(X, y)
tr('X unchanged after DBNClassifier fit', lambda: np.array_equal(X, X0))
c.predict(X); c.predict_proba(X); tr('X unchanged after predict', lambda: np.array_equal(X, X0))
Xg = rng.randn(60, 8).astype(np.float32); Xg0 = Xg.copy()
g = RBMTransformer(visible='gaussian', **kw).fit(Xg); g.transform(Xg); g.score_samples(Xg); g.gibbs(Xg)
tr('Xg unchanged gaussian', lambda: np.array_equal(Xg, Xg0))
cg = DBNClassifier(visible='gaussian', hidden_layer_sizes=(5,), pretrain_epochs=2, epochs=2, random_state=0, device='cpu', batch_size=10).fit(Xg, y)
cg.predict(Xg); tr('Xg unchanged gaussian clf', lambda: np.array_equal(Xg, Xg0))
# labels as strings
ys = np.array(['cat', 'dog', 'eel'])[y]
cs = DBNClassifier(hidden_layer_sizes=(5,), pretrain_epochs=1, epochs=2, random_state=0, device='cpu', batch_size=10).fit(X, ys)
tr('string labels predict', lambda: cs.predict(X[:5])); tr('score', lambda: cs.score(X, ys))
tr('list X', lambda: RBMTransformer(**kw).fit(X.tolist()).transform(X.tolist()[:2]))
tr('sparse', lambda: RBMTransformer(**kw).fit(sp.csr_matrix(X)).transform(sp.coo_matrix(X[:2])))
tr('single row fit', lambda: RBMTransformer(**kw).fit(X[:1]).transform(X[:1]))
tr('single class', lambda: DBNClassifier(hidden_layer_sizes=(5,), pretrain_epochs=1, epochs=1, device='cpu').fit(X, np.zeros(60)))
tr('float64 determinism fit same as float32', lambda: np.allclose(RBMTransformer(**kw).fit(X.astype(np.float64)).transform(X), RBMTransformer(**kw).fit(X).transform(X), atol=1e-6))
tr('transform dtype for float64', lambda: RBMTransformer(**kw).fit(X).transform(X.astype(np.float64)).dtype)
# determinism of fit twice
a = RBMTransformer(**kw).fit(X).transform(X); b = RBMTransformer(**kw).fit(X).transform(X)
tr('fit deterministic', lambda: np.array_equal(a, b))
# partial_fit twice vs fit n_iter=2 
p = RBMTransformer(**kw); p.partial_fit(X); p.partial_fit(X)
tr('partial_fit x2 == fit n_iter=2', lambda: np.allclose(p.transform(X), a))
try:
    import pandas as pd
    df = pd.DataFrame(X, columns=[f"c{i}" for i in range(8)])
    tr('pandas fit', lambda: RBMTransformer(**kw).fit(df).get_feature_names_out())
    tr('pandas y series', lambda: DBNClassifier(hidden_layer_sizes=(5,), pretrain_epochs=1, epochs=1, device='cpu', random_state=0).fit(df, pd.Series(ys, index=range(100, 160))).predict(df[:3]))
except ImportError: print('no pandas')
