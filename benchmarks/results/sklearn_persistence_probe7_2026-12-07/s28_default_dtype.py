import warnings, numpy as np, torch, pickle
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer, DBNClassifier
X = (np.random.RandomState(0).rand(30, 6) > 0.5).astype(float); y = (X[:, 0] > 0).astype(int); Xr = np.random.RandomState(1).randn(30, 6)
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:300].replace('\n', ' '))
ref = RBMTransformer(n_components=3, n_iter=2, random_state=0, device='cpu').fit(X).transform(X)
refd = DBNClassifier(hidden_layer_sizes=(3,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu').fit(X, y).predict_proba(X)
torch.set_default_dtype(torch.float64)
tryit('default float64: RBMT fit/transform', lambda: (lambda t: (t.rbm_.W.dtype, t.transform(X).dtype, np.abs(t.transform(X) - ref).max()))(RBMTransformer(n_components=3, n_iter=2, random_state=0, device='cpu').fit(X)))
tryit('default float64: RBMT partial_fit x2', lambda: RBMTransformer(n_components=3, random_state=0, device='cpu').partial_fit(X).partial_fit(X).rbm_.W.dtype)
tryit('default float64: RBMT gaussian', lambda: RBMTransformer(n_components=3, n_iter=2, random_state=0, device='cpu', visible='gaussian').fit(Xr).score_samples(Xr)[:2])
tryit('default float64: DBN fit/predict_proba', lambda: (lambda d: (d.mlp_.out.weight.dtype, np.abs(d.predict_proba(X) - refd).max()))(DBNClassifier(hidden_layer_sizes=(3,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu').fit(X, y)))
tryit('default float64: DBN gaussian', lambda: DBNClassifier(hidden_layer_sizes=(3,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu', visible='gaussian').fit(Xr, y).score(Xr, y))
