import warnings, pickle, copy, numpy as np, torch, joblib
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.rbm import RBM
from dbn_book.grbm import GaussianRBM
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions, mlp_from_dbn
from dbn_book.updown import UpDownTrainer, UpDownOptions
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:300])
P = lambda o: pickle.loads(pickle.dumps(o)); DC = copy.deepcopy
def JL(o): joblib.dump(o, '/work/tmp/probe7/x.joblib'); return joblib.load('/work/tmp/probe7/x.joblib')
g = torch.Generator().manual_seed(0)
v = (torch.rand(20, 6, generator=g) > 0.5).float(); y = torch.randint(3, (20,), generator=g)
rbm = RBM(6, 4, seed=1); rbm.W.add_(torch.randn(6, 4, generator=g)); 
grbm = GaussianRBM(6, 4, seed=1); xr = torch.randn(20, 6, generator=g)
dbn = DBN([6, 4, 3], seed=2); dbnl = DBN([6, 4, 3], n_labels=3, seed=2)
mlp = mlp_from_dbn(dbn, 3, seed=0)
def same_rbm(a, b, x):
    s = lambda m: m.sample_h(x, torch.Generator().manual_seed(5))
    return (torch.equal(a.free_energy(x), b.free_energy(x)) and torch.equal(s(a), s(b)) and
            torch.equal(a.gibbs(x, 3, torch.Generator().manual_seed(7)), b.gibbs(x, 3, torch.Generator().manual_seed(7))))
for nm, f in (('pickle', P), ('deepcopy', DC), ('joblib', JL)):
    tryit(f'{nm} RBM', lambda: same_rbm(rbm, f(rbm), v))
    tryit(f'{nm} RBM double', lambda: same_rbm(rbm.double(), f(DC(rbm).double()), v.double()))
    tryit(f'{nm} GaussianRBM', lambda: same_rbm(grbm, f(grbm), xr))
    tryit(f'{nm} DBN', lambda: torch.equal(dbn.up(v), f(dbn).up(v)) and torch.equal(dbn.sample(5, steps=10, seed=3) if 'steps' in str(dbn.sample.__code__.co_varnames) else dbn.up(v), f(dbn).sample(5, steps=10, seed=3) if 'steps' in str(dbn.sample.__code__.co_varnames) else dbn.up(v)))
    tryit(f'{nm} DBN labels', lambda: repr(f(dbnl)) == repr(dbnl))
    tryit(f'{nm} MLP', lambda: torch.equal(mlp.eval()(v), f(mlp).eval()(v)))
    for on, o in (('CDOptions', CDOptions(lr=0.05, method='pcd')), ('DBNOptions', DBNOptions()), ('FineTuneOptions', FineTuneOptions()), ('UpDownOptions', UpDownOptions())):
        tryit(f'{nm} {on}', lambda: f(o) == o)
print(dbn.sample.__code__.co_varnames[:10])
