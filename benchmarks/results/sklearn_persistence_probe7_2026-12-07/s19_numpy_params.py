import warnings, numpy as np, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.sklearn import RBMTransformer, DBNClassifier
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
rng = np.random.RandomState(0); X = (rng.rand(30, 6) > 0.5).astype(float); y = (X[:, 0] > 0).astype(int)
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:250].replace('\n', ' '))
T = lambda **kw: RBMTransformer(**{**dict(n_components=3, n_iter=1, random_state=0, device='cpu'), **kw})
D = lambda **kw: DBNClassifier(**{**dict(hidden_layer_sizes=(3,), pretrain_epochs=1, epochs=1, batch_size=10, random_state=0, device='cpu'), **kw})
for name, val in (('learning_rate', np.float32(0.05)), ('momentum', np.float32(0.5)), ('weight_decay', np.float32(1e-4)), ('weight_decay', np.float64(1e-4)),
                  ('weight_decay', 0), ('n_components', np.int32(3)), ('k', np.int64(2)), ('batch_size', np.uint8(5)), ('verbose', np.int64(0)), ('verbose', np.bool_(False))):
    tryit(f'RBMT {name}={val!r}', lambda: T(**{name: val}).fit(X).n_features_in_)
for name, val in (('learning_rate', np.float32(0.05)), ('momentum', np.float32(0.5)), ('weight_decay', np.float32(1e-4)), ('dropout', np.float32(0.1)),
                  ('pretrain_learning_rate', np.float32(0.05)), ('gaussian_learning_rate', np.float32(1e-3)), ('epochs', np.int64(2)), ('pretrain_epochs', np.int64(1)),
                  ('hidden_layer_sizes', (np.int64(3), np.int32(2))), ('momentum', 0), ('weight_decay', 0), ('dropout', 0), ('learning_rate', 1)):
    tryit(f'DBN {name}={val!r}', lambda: D(**{name: val}).fit(X, y).n_features_in_)
p = Pipeline([('r', T()), ('l', LogisticRegression())])
tryit('grid np.logspace/np.arange', lambda: GridSearchCV(p, {'r__learning_rate': np.logspace(-2, -1, 2), 'r__n_components': np.arange(2, 4), 'r__momentum': np.linspace(0, .5, 2), 'r__weight_decay': np.linspace(0, 1e-3, 2)}, cv=2).fit(X, y).best_params_)
tryit('DBN grid np arrays', lambda: GridSearchCV(D(), {'learning_rate': np.logspace(-2, -1, 2), 'dropout': np.linspace(0, .2, 2), 'weight_decay': np.linspace(0, 1e-3, 2), 'epochs': np.arange(1, 3)}, cv=2).fit(X, y).best_params_)
