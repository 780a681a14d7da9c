import torch, copy, warnings
warnings.simplefilter('ignore')
import dbn_book as D
from dbn_book.grbm import GaussianRBM
torch.manual_seed(0); xg = torch.randn(60, 8)
v = (torch.rand(60, 8) < .4).float(); y = torch.arange(60) % 3
def eq(a, b):
    if isinstance(a, torch.Tensor): return torch.equal(a, b)
    if isinstance(a, dict): return a.keys() == b.keys() and all(eq(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)): return len(a) == len(b) and all(eq(x, y) for x, y in zip(a, b))
    if isinstance(a, float): return a == b or (a != a and b != b)
    return a == b
def hist_eq(h1, h2):
    strip = lambda h: [{k: v for k, v in r.items() if k != 'seconds'} for r in h]
    return eq(strip(h1), strip(h2))
def check(name, make):
    m1, t1 = make(); t1.run(progress=False)
    m2, t2 = make(); t2.run(2, progress=False); st = copy.deepcopy(t2.state_dict())
    m3, t3 = make(); t3.load_state_dict(st); t3.run(progress=False)
    same_model = eq(m1.state_dict(), m3.state_dict())
    print(f"{name:40s} model equal: {same_model}, history equal: {hist_eq(t1.history, t3.history)}")
for opts in [dict(method='cd'), dict(method='pcd'), dict(method='pcd', fast_lr=0.01), dict(centered=True), dict(schedule='cosine', momentum_epochs=3), dict(method='pcd', n_chains=7, k=3)]:
    def make(opts=opts):
        m = D.RBM(8, 5, seed=1); return m, D.RBMTrainer(m, v, D.CDOptions(epochs=4, batch=16, **opts), seed=3, device='cpu', exact_units=5)
    check(f"RBMTrainer {opts}", make)
def make():
    m = GaussianRBM(8, 5, seed=1); return m, D.RBMTrainer(m, xg, D.CDOptions(epochs=4, batch=16, lr=1e-3), seed=3, device='cpu', exact_units=5)
check("RBMTrainer gaussian", make)
for up in ['sample', 'prob']:
  for ep in [[2, 2], [1, 3], [3, 1, 2], [0, 4]]:
    def make(up=up, ep=ep):
        sizes = [8, 6, 5, 4][:len(ep) + 1]
        m = D.DBN(sizes, n_labels=3, seed=1)
        o = D.DBNOptions(layers=[D.CDOptions(epochs=e, batch=16) for e in ep], up=up)
        return m, D.DBNTrainer(m, v, y, o, seed=3, device='cpu')
    # DBNTrainer: split run at 2
    check(f"DBNTrainer up={up} epochs={ep}", make)
for method in ['cd', 'pcd']:
    def make(method=method):
        m = D.DBN([8, 6, 5], n_labels=3, seed=1)
        return m, D.UpDownTrainer(m, v, y, D.UpDownOptions(epochs=4, batch=16, method=method), seed=3, device='cpu')
    check(f"UpDownTrainer {method}", make)
for opts in [dict(), dict(optimizer='adam', lr=0.01), dict(head_epochs=3), dict(max_norm=1.0, weight_decay=1e-3)]:
    def make(opts=opts):
        m = D.MLP([8, 6], 3, dropout=0.3, input_dropout=0.1, seed=1)
        return m, D.FineTuner(m, v, y, D.FineTuneOptions(epochs=4, batch=16, **opts), v_valid=v[:10], y_valid=y[:10], seed=3, device='cpu')
    check(f"FineTuner {opts}", make)
