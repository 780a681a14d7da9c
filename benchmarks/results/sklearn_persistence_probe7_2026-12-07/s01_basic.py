import warnings, numpy as np, torch
torch.set_num_threads(1)
from sklearn.base import clone
from sklearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MinMaxScaler
from dbn_book.sklearn import RBMTransformer, DBNClassifier
rng = np.random.RandomState(0)
X = (rng.rand(40, 6) > 0.5).astype(float); y = (X[:, 0] > 0.5).astype(int)
t = RBMTransformer(n_components=4, n_iter=2, random_state=0, device='cpu')
t.fit(X)
c = clone(t); print('clone unfitted:', not hasattr(c, 'rbm_'), c.get_params() == t.get_params())
p = Pipeline([('rbm', RBMTransformer(n_components=4, n_iter=2, random_state=0, device='cpu')), ('lr', LogisticRegression())])
p.set_params(rbm__n_components=3, rbm__learning_rate=0.05)
print('nested params', p.get_params()['rbm__n_components'], p.get_params()['rbm__learning_rate'])
p.fit(X, y); print('pipe transform shape', p[:-1].transform(X).shape, 'score', p.score(X, y))
print('feature names out', t.get_feature_names_out())
print('repr', repr(t))
d = DBNClassifier(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu')
with warnings.catch_warnings(): warnings.simplefilter('ignore'); d.fit(X, y)
print('dbn score', d.score(X, y), 'classes', d.classes_)
P = d.predict_proba(X); print('proba sums', np.abs(P.sum(1)-1).max(), P.dtype)
# same random_state twice gives same?
t2 = RBMTransformer(n_components=4, n_iter=2, random_state=0, device='cpu').fit(X)
print('same seed same transform', np.array_equal(t.transform(X), t2.transform(X)))
# fit twice: same?
t.fit(X); print('refit same seed same transform', np.array_equal(t.transform(X), t2.transform(X)))
