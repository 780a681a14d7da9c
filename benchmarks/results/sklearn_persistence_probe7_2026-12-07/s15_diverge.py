import warnings, numpy as np, torch
torch.set_num_threads(1)
from dbn_book.sklearn import DBNClassifier, RBMTransformer
rng = np.random.RandomState(0)
X = (rng.rand(40, 6) > 0.5).astype(float); y = (X[:, 0] > 0).astype(int); Xr = rng.randn(40, 6) * 3
def tryit(label, f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try: r = f(); print(label, '->', r)
        except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:300].replace('\n', ' '))
        for x in w: print('   WARN', x.category.__name__, str(x.message)[:200])
for lr in (10., 1e3, 1e6):
    tryit(f'RBMT lr={lr}', lambda: np.isfinite(RBMTransformer(n_components=4, n_iter=3, learning_rate=lr, random_state=0, device='cpu').fit(X).transform(X)).all())
for lr in (1.0, 100.):
    tryit(f'RBMT gaussian lr={lr}', lambda: np.isfinite(RBMTransformer(n_components=4, n_iter=3, learning_rate=lr, random_state=0, device='cpu', visible='gaussian').fit(Xr).transform(Xr)).all())
for lr in (1e2, 1e5, 1e9):
    tryit(f'DBN lr={lr}', lambda: (lambda d: (np.isfinite(d.predict_proba(X)).all(), d.score(X, y)))(DBNClassifier(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=3, learning_rate=lr, batch_size=10, random_state=0, device='cpu').fit(X, y)))
tryit('DBN adam lr=1e9', lambda: (lambda d: (np.isfinite(d.predict_proba(X)).all(), d.score(X, y)))(DBNClassifier(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=3, learning_rate=1e9, optimizer='adam', batch_size=10, random_state=0, device='cpu').fit(X, y)))
