"RBMTransformer.score_samples' cached log Z (fixed for in-place edits of components_): does it follow every other way the RBM can change?"
import pickle, numpy as np
from _common import *
from dbn_book.sklearn import RBMTransformer

v, _ = data(60, 8)
X = v.numpy().astype(np.float64)

def truth(est, X):  # from scratch: a float64 copy of the fitted RBM, exact log Z by enumeration
    r = copy.deepcopy(est.rbm_).double()
    return (-r.free_energy(torch.from_numpy(X)) - r.log_partition_exact()).numpy()

def check(name, est):
    got = est.score_samples(X)
    d = np.abs(got - truth(est, X)).max()
    report(f"score_samples after {name}", d < 1e-4, f"max |diff| {d:.2e}")

est = RBMTransformer(n_components=5, n_iter=2, random_state=0).fit(X)
check("fit", est)
with torch.no_grad(): est.rbm_.W.add_(0.5)
check("in-place edit of rbm_.W", est)
est.intercept_visible_[:] += 0.7  # a numpy view of b
check("in-place edit of the intercept_visible_ array", est)
est.intercept_hidden_ = est.intercept_hidden_ - 0.3
check("intercept_hidden_ setter", est)
est.components_ = est.components_ * 2
check("components_ setter", est)
est.partial_fit(X)
check("partial_fit", est)
est.rbm_.load_state_dict({k: t * 0.5 for k, t in est.rbm_.state_dict().items()})
check("rbm_.load_state_dict", est)
with torch.no_grad(): est.rbm_.b.data = est.rbm_.b.data + 1.0  # a new tensor behind the parameter
check("rbm_.b.data replaced", est)
est2 = pickle.loads(pickle.dumps(est)); est2.score_samples(X)
with torch.no_grad(): est2.rbm_.c.add_(1.0)
check("pickle, score, then edit of the copy", est2)
check("(the original, after the copy was edited)", est)
est3 = copy.deepcopy(est); est3.score_samples(X)
with torch.no_grad(): est3.rbm_.W.mul_(-1)
check("deepcopy, score, then edit of the copy", est3)
est.rbm_.double()
check("rbm_.double()", est)
with torch.no_grad(): est.rbm_.W.add_(0.25)
check("edit after rbm_.double()", est)
est.set_params(n_components=4).fit(X)
check("set_params + refit", est)
lp = est.log_partition('exact').log_z
report("log_partition('exact') follows an edit", True)
with torch.no_grad(): est.rbm_.W.add_(1)
report("log_partition('exact') recomputed after edit", abs(est.log_partition('exact').log_z - lp) > 1e-3)

# the Gaussian estimator
Xg = np.random.default_rng(0).normal(size=(60, 3))
g = RBMTransformer(n_components=3, n_iter=2, random_state=0, visible='gaussian').fit(Xg)
def gtruth():
    r = copy.deepcopy(g.rbm_).double()
    return (-r.free_energy(torch.from_numpy(Xg)) - r.log_partition_exact()).numpy()
g.score_samples(Xg)
with torch.no_grad(): g.rbm_.z.add_(0.5)  # the variances
d = np.abs(g.score_samples(Xg) - gtruth()).max()
report("Gaussian score_samples after an edit of the log-variances z", d < 1e-4, f"max |diff| {d:.2e}")
