import warnings, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.rbm import RBM
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions, read_checkpoint
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.finetune import FineTuner, FineTuneOptions, mlp_from_dbn, save_checkpoint, load_checkpoint
from dbn_book.updown import UpDownTrainer, UpDownOptions
g = torch.Generator().manual_seed(0)
v = (torch.rand(20, 6, generator=g) > 0.5).float(); y = torch.randint(3, (20,), generator=g)
flat = lambda m: torch.cat([p.detach().flatten() for p in m.parameters()])
P = '/work/tmp/probe7/ck/state.pt'
def tryit(label, f):
    try: r = f(); print(label, '->', r)
    except Exception as e: print(label, 'RAISES', type(e).__name__, str(e)[:300].replace('\n', ' '))
def dbn_case(mk, dtype):
    dbn = DBN([6, 4, 3], seed=1).to(dtype); t = mk(dbn); t.run(1, progress=False)
    dbn.save(P, state=t.state_dict())
    ck = read_checkpoint(P); d2 = DBN.from_checkpoint(ck); t2 = mk(d2); t2.load_state_dict(ck['state'])
    t.run(progress=False); t2.run(progress=False)
    return torch.equal(flat(dbn), flat(d2)), d2.top.W.dtype
for dt in (torch.float32, torch.float64):
    tryit(f'DBNTrainer state in DBN.save {dt}', lambda: dbn_case(lambda d: DBNTrainer(d, v.to(dt), options=DBNOptions(layers=CDOptions(epochs=2, batch=5, method='pcd')), seed=0, device='cpu'), dt))
    tryit(f'UpDownTrainer state in DBN.save {dt}', lambda: dbn_case(lambda d: UpDownTrainer(d, v.to(dt), options=UpDownOptions(epochs=3, batch=5, method='pcd'), seed=0, device='cpu'), dt))
    def ft():
        dbn = DBN([6, 4], seed=1).to(dt); mlp = mlp_from_dbn(dbn, 3, seed=0)
        t = FineTuner(mlp, v, y, FineTuneOptions(epochs=3, batch=5, optimizer='adam'), seed=0, device='cpu'); t.run(1, progress=False)
        save_checkpoint(P, dbn, mlp, state=t.state_dict())
        c = load_checkpoint(P); t2 = FineTuner(c.mlp, v, y, FineTuneOptions(epochs=3, batch=5, optimizer='adam'), seed=0, device='cpu'); t2.load_state_dict(read_checkpoint(P)['state'])
        t.run(progress=False); t2.run(progress=False)
        return torch.equal(flat(mlp), flat(c.mlp)), next(c.mlp.parameters()).dtype
    tryit(f'FineTuner state in save_checkpoint {dt}', ft)
