# The trainer's own advice after casting a model: "build a new trainer and load_state_dict(old.state_dict()) into it"
import warnings, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.rbm import RBM
from dbn_book.grbm import GaussianRBM
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.finetune import FineTuner, FineTuneOptions, mlp_from_dbn
from dbn_book.updown import UpDownTrainer, UpDownOptions
g = torch.Generator().manual_seed(0)
v = (torch.rand(20, 6, generator=g) > 0.5).float(); y = torch.randint(3, (20,), generator=g)
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:350].replace('\n', ' '))
cases = {
 'RBMTrainer cd': (lambda m: RBMTrainer(m, v, CDOptions(epochs=3, batch=5), seed=0, device='cpu'), lambda: RBM(6, 4, seed=1), 'rbm'),
 'RBMTrainer pcd momentum': (lambda m: RBMTrainer(m, v, CDOptions(epochs=3, batch=5, method='pcd'), seed=0, device='cpu'), lambda: RBM(6, 4, seed=1), 'rbm'),
 'DBNTrainer': (lambda m: DBNTrainer(m, v, options=DBNOptions(layers=CDOptions(epochs=2, batch=5)), seed=0, device='cpu'), lambda: DBN([6, 4, 3], seed=1), 'dbn'),
 'FineTuner sgd': (lambda m: FineTuner(m, v, y, FineTuneOptions(epochs=3, batch=5), seed=0, device='cpu'), lambda: mlp_from_dbn(DBN([6, 4], seed=1), 3, seed=0), 'mlp'),
 'UpDownTrainer': (lambda m: UpDownTrainer(m, v, options=UpDownOptions(epochs=3, batch=5, method='pcd'), seed=0, device='cpu'), lambda: DBN([6, 4, 3], seed=1), 'dbn'),
}
for name, (mk, model, attr) in cases.items():
    m = model(); t = mk(m); t.run(1, progress=False)
    m.double()
    tryit(f'{name}: run after .double()', lambda: t.run(1, progress=False))
    def advice():
        t2 = mk(m); t2.load_state_dict(t.state_dict()); t2.run(progress=False)
        return t2.epoch, getattr(t2, attr).parameters().__next__().dtype
    tryit(f'{name}: advice (new trainer + load_state_dict(old.state_dict()))', advice)
