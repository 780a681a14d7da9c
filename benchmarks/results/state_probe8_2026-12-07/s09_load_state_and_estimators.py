"load_state_dict between tied/untied DBNs; trainers' load_state_dict into an edited model; estimators' outputs after edits."
import numpy as np
from _common import *
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.sklearn import RBMTransformer, DBNClassifier

tied, untied = DBN([6, 4, 3], n_labels=2, seed=0), DBN([6, 4, 3], n_labels=2, seed=1).untie()
for name, dst, src in (('untied state into a tied DBN', copy.deepcopy(tied), untied), ('tied state into an untied DBN', copy.deepcopy(untied), tied)):
    try: dst.load_state_dict(src.state_dict()); print(f"{name}: loaded silently (tied={dst.tied})")
    except RuntimeError as e: report(f"{name}: refused (strict keys)", True, str(e).splitlines()[0][:80])
u2 = DBN([6, 4, 3], n_labels=2, seed=2).untie(); u2.load_state_dict(untied.state_dict())
report("untied state into an untied DBN: equal, gen weights included", same(params(u2), params(untied)))

# a trainer's load_state_dict puts the model back even if the model was edited since
v, y = data()
m = RBM(8, 5, seed=0); t = RBMTrainer(m, v, CDOptions(epochs=3, batch=20), seed=0); t.run(1, progress=False)
st = t.state_dict()
with torch.no_grad(): m.W.add_(5)
t.load_state_dict(st); t.run(progress=False)
m2 = RBM(8, 5, seed=0); t2 = RBMTrainer(m2, v, CDOptions(epochs=3, batch=20), seed=0); t2.run(progress=False)
report("RBMTrainer.load_state_dict after the model was edited: continues as if never edited", same(params(m), params(m2)))

# estimators
X, yy = v.numpy().astype(np.float64), y.numpy()
est = RBMTransformer(4, n_iter=2, random_state=0).fit(X)
T0 = est.transform(X)
with torch.no_grad(): est.rbm_.W.mul_(2)
r = copy.deepcopy(est.rbm_).double()
report("RBMTransformer.transform follows an in-place edit of rbm_", np.allclose(est.transform(X), r.p_h(torch.from_numpy(X)).numpy()) and not np.allclose(T0, est.transform(X)))
clf = DBNClassifier((4,), pretrain_epochs=1, epochs=2, batch_size=20, random_state=0).fit(X, yy)
P0 = clf.predict_proba(X)
with torch.no_grad(): clf.dbn_.rbms[0].W.add_(3)
report("DBNClassifier: editing dbn_ (the pretrained DBN) leaves predict_proba (mlp_ is a copy)", np.array_equal(P0, clf.predict_proba(X)))
with torch.no_grad(): clf.mlp_.out.bias.add_(1.0)
report("DBNClassifier: predict_proba follows an edit of mlp_", not np.array_equal(P0, clf.predict_proba(X)))
