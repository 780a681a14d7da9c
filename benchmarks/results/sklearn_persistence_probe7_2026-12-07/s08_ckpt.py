import warnings, numpy as np, torch, os
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.rbm import RBM
from dbn_book.grbm import GaussianRBM
from dbn_book.dbn import DBN, read_checkpoint
from dbn_book.finetune import MLP, mlp_from_dbn, save_checkpoint, load_checkpoint
from dbn_book.sklearn import DBNClassifier, RBMTransformer
D = '/work/tmp/probe7/ck'; os.makedirs(D, exist_ok=True)
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:300])
g = torch.Generator().manual_seed(0)
v = (torch.rand(8, 6, generator=g) > 0.5).float(); y = torch.randint(3, (8,), generator=g)
def perturb(m):
    with torch.no_grad():
        for p in m.parameters(): p.add_(torch.randn(p.shape, generator=torch.Generator().manual_seed(p.numel()), dtype=p.dtype) * 0.5)
    return m
def cmp_dbn(a, b, x):
    r = dict(dtype=(a.top.W.dtype, b.top.W.dtype), classes=[type(r).__name__ for r in b.rbms], tied=(a.tied, b.tied))
    r['up_eq'] = torch.equal(a.up(x), b.up(x))
    k = dict(labels=torch.tensor([0, 1, 2])) if a.n_labels else {}
    r['sample_eq'] = torch.equal(a.sample(3, k=5, generator=torch.Generator().manual_seed(1), **k), b.sample(3, k=5, generator=torch.Generator().manual_seed(1), **k))
    r['state_eq'] = all(torch.equal(p, q) for p, q in zip(a.state_dict().values(), b.state_dict().values())) and a.state_dict().keys() == b.state_dict().keys()
    return r
cases = {
 'dbn f32': lambda: perturb(DBN([6, 4, 3], seed=1)),
 'dbn f64': lambda: perturb(DBN([6, 4, 3], seed=1)).double(),
 'dbn labels f64': lambda: perturb(DBN([6, 4, 3], n_labels=3, seed=1)).double(),
 'dbn untied': lambda: perturb(DBN([6, 4, 3], seed=1).untie()),
 'dbn untied f64': lambda: perturb(DBN([6, 4, 3], seed=1).untie()).double(),
 'dbn one rbm': lambda: perturb(DBN([6, 4], seed=1)),
 'dbn gauss bottom f64': lambda: perturb(DBN.from_rbms([GaussianRBM(6, 4, seed=1), RBM(4, 3, seed=2)])).double(),
}
for name, mk in cases.items():
    def go():
        a = mk(); x = v if 'gauss' not in name else torch.randn(8, 6, generator=torch.Generator().manual_seed(3))
        p = a.save(f'{D}/{name.replace(" ", "_")}.pt'); b = DBN.load(p)
        return cmp_dbn(a, b, x.to(a.top.W.dtype))
    tryit(name, go)
# save_checkpoint with MLP
for dt in (torch.float32, torch.float64):
    def go():
        dbn = perturb(DBN([6, 4, 3], seed=1)).to(dt); mlp = perturb(mlp_from_dbn(dbn, 3, dropout=0.2, seed=0))
        p = save_checkpoint(f'{D}/ck_{dt}.pt', dbn, mlp, config={'a': 1}, results={'acc': np.float64(0.5)})
        c = load_checkpoint(p)
        out = dict(mlp_dtype=next(c.mlp.parameters()).dtype, mlp_eq=torch.equal(mlp.eval()(v), c.mlp.eval()(v)), cfg=c.config, res=c.results, mlp_training=c.mlp.training, dropout=c.mlp.dropout)
        out.update(cmp_dbn(dbn, c.dbn, v.to(dt)))
        return out
    tryit(f'save_checkpoint {dt}', go)
# mixed dtypes: DBN double, MLP float
def go():
    dbn = perturb(DBN([6, 4, 3], seed=1)); mlp = mlp_from_dbn(dbn, 3, seed=0); dbn.double()
    p = save_checkpoint(f'{D}/mixed.pt', dbn, mlp); c = load_checkpoint(p)
    return (c.dbn.top.W.dtype, next(c.mlp.parameters()).dtype, torch.equal(c.mlp(v), mlp(v)))
tryit('mixed dtypes', go)
# DBNClassifier's dbn_ and mlp_ through save_checkpoint
rng = np.random.RandomState(0); X = (rng.rand(30, 6) > .5).astype(float); yy = np.array(['a', 'b', 'c'])[rng.randint(3, size=30)]
est = DBNClassifier(hidden_layer_sizes=(4,), pretrain_epochs=1, epochs=2, batch_size=10, random_state=0, device='cpu').fit(X, yy)
def go():
    p = save_checkpoint(f'{D}/est.pt', est.dbn_, est.mlp_, config=dict(classes=est.classes_.tolist())); c = load_checkpoint(p)
    return np.array_equal(torch.softmax(c.mlp(torch.tensor(X, dtype=torch.float32)).detach().double(), 1).numpy(), est.predict_proba(X)), c.config
tryit('DBNClassifier dbn_/mlp_ via save_checkpoint', go)
tryit('save_checkpoint config with numpy array classes_', lambda: save_checkpoint(f'{D}/est2.pt', est.dbn_, est.mlp_, config=dict(classes=est.classes_)))
# RBMTransformer rbm_ -> DBN.from_rbms -> save -> load
t = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu').fit(X)
def go():
    d = DBN.from_rbms([t.rbm_]); p = d.save(f'{D}/t.pt'); b = DBN.load(p)
    return np.array_equal(b.rbms[0].p_h(torch.tensor(X, dtype=torch.float32)).numpy(), t.transform(X.astype(np.float32)))
tryit('RBMTransformer rbm_ via DBN.from_rbms save/load', go)
gt = RBMTransformer(n_components=4, n_iter=1, random_state=0, device='cpu', visible='gaussian').fit(rng.randn(30, 6))
def go():
    d = DBN.from_rbms([gt.rbm_]).double(); p = d.save(f'{D}/gt.pt'); b = DBN.load(p)
    xx = rng.randn(5, 6)
    return b.top.W.dtype, np.allclose(b.rbms[0].p_h(torch.tensor(xx)).numpy(), gt.transform(xx)), np.array_equal(b.rbms[0].var.numpy(), DBN.from_rbms([gt.rbm_]).double().rbms[0].var.numpy())
tryit('Gaussian rbm_ via DBN.from_rbms double save/load', go)
