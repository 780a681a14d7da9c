import warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import DBNClassifier, RBMTransformer
rng = np.random.RandomState(0)
Xr = rng.randn(30, 6); Xb = (rng.rand(30, 6) > 0.5).astype(float)
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:260].replace('\n', ' '))
t = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu', visible='gaussian').fit(Xr)
print('fitted Gaussian transform ok', t.transform(Xr).shape)
t.set_params(visible='binary')
tryit("after set_params(visible='binary') (no refit): transform", lambda: t.transform(Xr).shape)
tryit("  score_samples", lambda: t.score_samples(Xr).shape)
tryit("  variances_ still there", lambda: t.variances_.shape)
t2 = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu').fit(Xb)
t2.set_params(visible='gaussian')
tryit("binary fitted, set_params(visible='gaussian'): transform real X", lambda: t2.transform(Xr).shape)
d = DBNClassifier(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu', visible='gaussian').fit(Xr, Xb[:, 0])
d.set_params(visible='binary')
tryit("DBN gaussian fitted, set_params(visible='binary'): predict", lambda: d.predict(Xr)[:3])
# sklearn reference: params changed after fit do not change a fitted estimator's predictions
from sklearn.neural_network import BernoulliRBM
b = BernoulliRBM(n_components=4, n_iter=1, random_state=0).fit(Xb); T0 = b.transform(Xb); b.set_params(n_components=7, learning_rate=5)
print('BernoulliRBM after set_params: transform unchanged', np.array_equal(T0, b.transform(Xb)))
