import warnings, pickle, copy, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions
from dbn_book.cd import CDOptions
from dbn_book.finetune import FineTuner, FineTuneOptions, mlp_from_dbn
from dbn_book.grbm import GaussianRBM
from dbn_book.rbm import RBM
P = lambda o: pickle.loads(pickle.dumps(o)); DC = copy.deepcopy
g = torch.Generator().manual_seed(0)
v = (torch.rand(20, 6, generator=g) > 0.5).float(); y = torch.randint(3, (20,), generator=g); xr = torch.randn(20, 6, generator=g)
flat = lambda m: torch.cat([p.detach().flatten() for p in m.parameters()])
def check(name, make, M, points):
    for k in points:
        for nm, f in (('pickle', P), ('deepcopy', DC)):
            t = make(); t.run(k, progress=False) if k else None
            c = f(t); before = flat(M(t)).clone(); c.run(progress=False)
            ok_orig = torch.equal(before, flat(M(t)))
            t.run(progress=False)
            print(name, f'at epoch {k}', nm, 'orig untouched', ok_orig, 'agree', torch.equal(flat(M(t)), flat(M(c))), 'hist', len(t.history) == len(c.history))
check('DBNTrainer up=sample pcd', lambda: DBNTrainer(DBN([6, 4, 3, 2], seed=2), v, options=DBNOptions(layers=CDOptions(epochs=2, batch=5, method='pcd'), up='sample'), seed=0, device='cpu'), lambda t: t.dbn, (0, 2, 3, 5))
check('DBNTrainer gauss bottom', lambda: DBNTrainer(DBN.from_rbms([GaussianRBM(6, 4, seed=1), RBM(4, 3, seed=2)]), xr, options=DBNOptions(layers=CDOptions(epochs=2, batch=5, lr=1e-3)), seed=0, device='cpu'), lambda t: t.dbn, (1, 2))
check('FineTuner adam dropout head', lambda: FineTuner(mlp_from_dbn(DBN([6, 4, 3], seed=2), 3, dropout=0.3, input_dropout=0.2, seed=0), v, y, FineTuneOptions(epochs=4, batch=5, optimizer='adam', head_epochs=2, lr=0.01), v_valid=v[:5], y_valid=y[:5], seed=0, device='cpu'), lambda t: t.mlp, (0, 1, 2, 3))
