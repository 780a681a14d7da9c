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
def make(kind):
    if kind == 'RBMTrainer': return RBMTrainer(RBM(6, 4, seed=1), v, CDOptions(epochs=3, batch=5, method='pcd'), seed=0, device='cpu'), lambda t: t.rbm
    if kind == 'RBMTrainer-gauss': return RBMTrainer(GaussianRBM(6, 4, seed=1), torch.randn(20, 6, generator=torch.Generator().manual_seed(1)), CDOptions(epochs=3, batch=5, lr=1e-3), seed=0, device='cpu'), lambda t: t.rbm
    if kind == 'DBNTrainer': return DBNTrainer(DBN([6, 4, 3], seed=2), v, options=DBNOptions(layers=CDOptions(epochs=2, batch=5)), seed=0, device='cpu'), lambda t: t.dbn
    if kind == 'FineTuner': return FineTuner(mlp_from_dbn(DBN([6, 4], seed=2), 3, seed=0), v, y, FineTuneOptions(epochs=3, batch=5), seed=0, device='cpu'), lambda t: t.mlp
    if kind == 'UpDownTrainer': return UpDownTrainer(DBN([6, 4, 3], seed=2), v, options=UpDownOptions(epochs=3, batch=5, method='pcd'), seed=0, device='cpu'), lambda t: t.dbn
flat = lambda m: torch.cat([p.detach().flatten() for p in m.parameters()])
for kind in ('RBMTrainer', 'RBMTrainer-gauss', 'DBNTrainer', 'FineTuner', 'UpDownTrainer'):
    for nm, f in (('pickle', P), ('deepcopy', DC), ('joblib', JL)):
        def go():
            t, M = make(kind); t.run(1, progress=False)
            c = f(t)
            before = flat(M(t)).clone()
            c.run(progress=False)
            orig_untouched = torch.equal(before, flat(M(t))) and t.epoch == 1
            t.run(progress=False)
            same = torch.equal(flat(M(t)), flat(M(c)))
            shared = M(c) is M(t)
            return dict(orig_untouched=orig_untouched, copies_agree_after_run=same, model_shared=shared, epochs=(t.epoch, c.epoch))
        tryit(f'{kind} {nm}', go)
# trainer.state_dict through torch.save/torch.load(weights_only=True)
import io
for kind in ('RBMTrainer', 'DBNTrainer', 'FineTuner', 'UpDownTrainer'):
    def go2():
        t, M = make(kind); t.run(1, progress=False); sd = t.state_dict()
        buf = io.BytesIO(); torch.save(sd, buf); buf.seek(0); sd2 = torch.load(buf, weights_only=True)
        t2, M2 = make(kind); M2(t2).load_state_dict(M(t).state_dict()); t2.load_state_dict(sd2)
        t.run(progress=False); t2.run(progress=False)
        return torch.equal(flat(M(t)), flat(M2(t2)))
    tryit(f'{kind} state_dict torch.save/load resume equal', go2)
