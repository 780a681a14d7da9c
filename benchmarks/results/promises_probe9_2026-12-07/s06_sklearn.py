import math, numpy as np, torch, warnings
from _h import check, done
from dbn_book.sklearn import *
from dbn_book import RBM

rng = np.random.default_rng(0)
X = (rng.random((200, 8)) < np.linspace(.1, .9, 8)).astype(np.float64)
est = RBMTransformer(n_components=5, n_iter=2, random_state=0).fit(X)
check('s01', 'sklearn.RBMTransformer', "learning_rate 'auto': 0.1 (BernoulliRBM's) for binary units; method default 'pcd' with batch_size chains",
      abs(est.history_[0]['lr'] - 0.1) < 1e-12 and est._carry['chains'] is not None and tuple(est._carry['chains'].shape) == (10, 8))
check('s02', 'sklearn.components_', "W^T, shape (n_components, n_features)", est.components_.shape == (5, 8) and np.allclose(est.components_, est.rbm_.W.T.numpy()))
t32, t64, ti = est.transform(X.astype(np.float32)), est.transform(X), est.transform(X.astype(np.int64))
check('s03', 'sklearn.RBMTransformer.transform', "shape (n_samples, n_components), in X's type (other types become float64)", t32.dtype == np.float32 and t64.dtype == np.float64 and ti.dtype == np.float64 and t64.shape == (200, 5))
W, b, c = est.components_.T, est.intercept_visible_, est.intercept_hidden_
check('s04', 'ch11 prose', "transform returns sigma(c_j + v'W_:j)", np.allclose(t64, 1 / (1 + np.exp(-(c + X @ W))), atol=1e-6))
gb = est.gibbs(X[:5].astype(np.float32))
check('s05', 'sklearn.RBMTransformer.gibbs', "One Gibbs step from each row of v, in v's type", gb.dtype == np.float32 and gb.shape == (5, 8) and set(np.unique(gb)) <= {0., 1.})
ss = est.score_samples(X[:10])
states = np.array([[(i >> k) & 1 for k in range(8)] for i in range(256)], float)
F = lambda V: -(V @ b) - np.logaddexp(0, c + V @ W).sum(1)
logZ = np.logaddexp.reduce(-F(states))
check('s06', 'sklearn.RBMTransformer.score_samples', "log P(v) = -F(v) - log Z in nats per binary row, float64; sums to 1 over all states",
      ss.dtype == np.float64 and np.allclose(ss, -F(X[:10]) - logZ, atol=1e-4) and abs(np.exp(est.score_samples(states)).sum() - 1) < 1e-4)
est2 = RBMTransformer(n_components=5, n_iter=2, random_state=0).fit(X)
check('s07', 'ch11 prose', "the same integer gives the same model", np.array_equal(est.components_, est2.components_))
p = RBMTransformer(n_components=5, batch_size=50, random_state=0).partial_fit(X[:40])
check('s08', 'ch11 prose', "partial_fit: for rows no larger than batch_size that is one update", len(p.history_) == 1 and p._carry['step'] == 1)
Xg = rng.normal(size=(300, 3)) * [1., 3., 1e-3]
eg = RBMTransformer(n_components=4, visible='gaussian', n_iter=1, random_state=0).fit(Xg)
check('s09', 'sklearn.RBMTransformer', "learning_rate 'auto': 1e-3 for Gaussian ones; variances learned at a tenth of learning_rate",
      abs(eg.history_[0]['lr'] - 1e-3) < 1e-15 and eg._carry['options']['lr_var'] == 1e-4)
eg0 = RBMTransformer(n_components=4, visible='gaussian', n_iter=0, random_state=0).fit(Xg)
check('s10', 'ch11 prose', "variances start at the column variances; a constant column starts at the floor variance (MIN_VAR)",
      np.allclose(eg0.variances_[:2], Xg[:, :2].var(0, ddof=1), rtol=1e-5) and abs(eg0.variances_[2] - MIN_VAR) < 1e-9)
Xb = (rng.random((60, 21)) < .3).astype(float)
eb = RBMTransformer(n_components=21, n_iter=1, random_state=0).fit(Xb)
lp = eb.log_partition()
check('s11', 'sklearn.RBMTransformer.log_partition', "exact up to 2^EXACT_UNITS states, else AIS: default 100 chains of 14,500 steps",
      lp.method == 'ais' and lp.ais.n_steps == 14500 and len(lp.ais.log_w) == 100, f"{lp.method} {lp.ais}")
y = np.where(X[:, 0] + X[:, 7] > 1, 'b', 'a')
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    clf = DBNClassifier(hidden_layer_sizes=(6,), pretrain_epochs=2, epochs=3, random_state=0).fit(X, y)
pp = clf.predict_proba(X)
check('s12', 'sklearn.DBNClassifier.predict_proba', "one column per class of classes_; float64, rows summing to 1", pp.dtype == np.float64 and pp.shape == (200, 2) and np.abs(pp.sum(1) - 1).max() < 1e-12)
check('s13', 'sklearn.DBNClassifier.predict', "The most probable class of each row, as a label of classes_", list(clf.classes_) == ['a', 'b'] and (clf.predict(X) == clf.classes_[pp.argmax(1)]).all())
check('s14', 'sklearn.DBNClassifier', "pretrain_epochs per RBM; epochs of fine-tuning; lr falls along a half cosine",
      [len(h) for h in clf.pretrain_history_] == [2] and len(clf.finetune_history_) == 3 and clf.finetune_history_[0]['lr'] > clf.finetune_history_[-1]['lr'])
check('s15', 'sklearn.DBNClassifier.predict_log_proba', "log P(y | v), as predict_proba's columns", np.allclose(np.exp(clf.predict_log_proba(X)), pp))
r = rbm_from_sklearn(est)
check('s16', 'sklearn.rbm_from_sklearn', "in float32, on the CPU (a copy)", isinstance(r, RBM) and r.W.dtype == torch.float32 and r.W.device.type == 'cpu' and r.W is not est.rbm_.W)
from sklearn.neural_network import BernoulliRBM
br = BernoulliRBM(n_components=3, n_iter=1, random_state=0).fit(X)
r2 = rbm_from_sklearn(br)
check('s17', 'sklearn.rbm_from_sklearn', "a fitted BernoulliRBM as a dbn_book model", torch.allclose(r2.p_h(torch.tensor(X, dtype=torch.float32)), torch.tensor(br.transform(X), dtype=torch.float32), atol=1e-5))
check('s18', 'sklearn tags', "transformer preserves float64 and float32; positive_only for binary", est.__sklearn_tags__().transformer_tags.preserves_dtype == ['float64', 'float32'] and est.__sklearn_tags__().input_tags.positive_only)
done()
