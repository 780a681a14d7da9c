import warnings, numpy as np, torch, pandas as pd
torch.set_num_threads(1)
from dbn_book.sklearn import DBNClassifier
from sklearn.neural_network import MLPClassifier
from sklearn.model_selection import cross_val_score, GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler
warnings.simplefilter('ignore')
rng = np.random.RandomState(0)
X = (rng.rand(60, 6) > 0.5).astype(float)
k = (X[:, 0] + 2 * X[:, 1]).astype(int)  # 0..3
def D(**kw): return DBNClassifier(**{**dict(hidden_layer_sizes=(5,), pretrain_epochs=1, epochs=30, batch_size=10, learning_rate=0.3, random_state=0, device='cpu'), **kw})
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:250])
for name, y in [('int', k), ('noncontig', np.array([-5, 3, 10, 1000])[k]), ('str', np.array(['z', 'a', 'mm', 'b'])[k]),
                ('float', k.astype(float) * 2), ('object mixed-free', np.array(['x', 'y', 'x', 'y'], dtype=object)[k]),
                ('bool', k % 2 == 0), ('series', pd.Series(np.array(['z', 'a', 'mm', 'b'])[k])), ('category', pd.Series(np.array(['z','a','mm','b'])[k]).astype('category'))]:
    d = D().fit(X, y)
    P = d.predict_proba(X); pr = d.predict(X)
    yy = np.asarray(y)
    print(f'{name}: classes_={d.classes_} pred dtype {pr.dtype} acc={d.score(X, y):.2f} argmax-consistent={np.array_equal(d.classes_[P.argmax(1)], pr)} sum1={np.abs(P.sum(1)-1).max():.1e}')
    m = MLPClassifier(hidden_layer_sizes=(5,), max_iter=5, random_state=0).fit(X, y)
    print(f'   MLPClassifier: classes_={m.classes_} pred dtype {m.predict(X).dtype}')
tryit('y 2D column', lambda: D().fit(X, k[:, None]).classes_)
tryit('  MLP y 2D column', lambda: MLPClassifier(max_iter=2).fit(X, k[:, None]).classes_)
tryit('y continuous', lambda: D().fit(X, rng.rand(60)).classes_)
tryit('y one class', lambda: D().fit(X, np.zeros(60)).classes_)
tryit('y multilabel', lambda: D().fit(X, np.c_[k % 2, k // 2]).classes_)
tryit('  MLP y multilabel', lambda: MLPClassifier(max_iter=2).fit(X, np.c_[k % 2, k // 2]).classes_)
tryit('y wrong length', lambda: D().fit(X, k[:-1]))
tryit('y with None', lambda: D().fit(X, np.array(['a', None] * 30, dtype=object)))
# refit with different classes and shapes
d = D().fit(X, k)
d.fit(X[:, :4], np.array(['p', 'q'])[k % 2])
print('refit: classes', d.classes_, 'n_features_in_', d.n_features_in_, 'proba shape', d.predict_proba(X[:, :4]).shape, 'mlp out', d.mlp_)
tryit('refit then old-shape predict', lambda: d.predict(X))
# cross_val_score / GridSearchCV
ys = np.array(['z', 'a', 'mm', 'b'])[k]
print('cross_val_score', cross_val_score(D(), X, ys, cv=3, n_jobs=1))
p = Pipeline([('s', MinMaxScaler(clip=True)), ('d', D())])
g = GridSearchCV(p, {'d__hidden_layer_sizes': [(4,), (3, 3)], 'd__learning_rate': [0.1, 0.3]}, cv=3, n_jobs=1).fit(X, ys)
print('grid best', g.best_params_, round(g.best_score_, 3), 'refit classes', g.best_estimator_[-1].classes_)
g2 = GridSearchCV(D(), {'hidden_layer_sizes': [4, [3, 3]]}, cv=3, n_jobs=1, scoring='neg_log_loss').fit(X, ys)
print('grid neg_log_loss', g2.best_params_, g2.cv_results_['mean_test_score'])
from sklearn.metrics import roc_auc_score
yb = np.array(['neg', 'pos'])[k % 2]
g3 = cross_val_score(D(), X, yb, cv=3, scoring='roc_auc'); print('roc_auc binary str labels', g3)
