"""Reproduces every finding of api_trainers_findings.md (probe 3a). Run: nice python api_trainers_repro.py [a01 a02 ...]; no argument runs all (~10 s).
Writes only in a temporary folder. Each case prints what happened; 'OK ->' means no error was raised."""
import sys, os, copy, math, warnings
import numpy as np, torch
torch.set_num_threads(1)
warnings.simplefilter('ignore')
import dbn_book as D
from dbn_book.updown import up_down_step, UpDownTrainer, UpDownOptions
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions, finetune, evaluate, save_checkpoint, load_checkpoint
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.ais import ais_estimate, ais_log_weights, ais_log_partition, log_partition, linear_betas, dbn_log_likelihood_bound
from dbn_book.grbm import GaussianRBM
from dbn_book.langevin import gibbs_langevin_chain

import tempfile; TMP = tempfile.mkdtemp() # scratch files, outside the repository
def G(s=0): return torch.Generator().manual_seed(s)
def bits(n, d, s=0): return (torch.rand(n, d, generator=G(s)) < .5).float()
def show(label, f):
    try: r = f(); print(f"  [{label}] OK -> {repr(r)[:160]}")
    except BaseException as e: print(f"  [{label}] {type(e).__name__}: {str(e).splitlines()[0][:220] if str(e) else ''}")
def snap(m): return [p.detach().clone() for p in m.parameters()]
def same(before, m): return all(torch.equal(a, b) for a, b in zip(before, m.parameters()))
V40 = bits(40, 6)
def rbm_trainer(**k): return RBMTrainer(D.RBM(6, 4, seed=0), V40, CDOptions(epochs=3, batch=10, **k), seed=0, device='cpu')
def ft_trainer(**k): return FineTuner(MLP([6, 4], 3, seed=0), V40, torch.arange(40) % 3, FineTuneOptions(epochs=3, batch=10, **k), seed=0, device='cpu')
def ud_trainer(method='pcd', labels=2, dtype=torch.float32, spread=False, **k):
    d = D.DBN([6, 4, 3], n_labels=labels, seed=0).to(dtype)
    if spread:
        with torch.no_grad():
            for p in d.parameters(): p.normal_(0, 1, generator=G(3))
    return UpDownTrainer(d, V40, torch.arange(40) % 2 if labels else None, UpDownOptions(epochs=4, batch=10, method=method, **k), seed=0, device='cpu')

def a01():
    "up_down_step changes the generative weights, then refuses y or fails on chains"
    v = bits(5, 6)
    d = D.DBN([6, 4, 3], n_labels=2, seed=0).untie()
    for label, kw in [('y out of range', dict(y=torch.tensor([0, 1, 5, 0, 1]))), ('y missing', {}), ('y of 2 entries for 5 rows', dict(y=torch.tensor([0, 1])))]:
        b = snap(d); show(label, lambda: up_down_step(d, v, **kw)); print('    weights unchanged:', same(b, d))
    d = D.DBN([6, 4, 3], seed=0).untie()
    for label, ch in [('chains float64', torch.zeros(5, 4, dtype=torch.float64)), ('chains int64', torch.zeros(5, 4, dtype=torch.long)),
                      ('chains with 0 rows', torch.zeros(0, 4)), ('chains an expanded view', torch.zeros(1, 4).expand(5, 4)),
                      ('chains numpy', np.zeros((5, 4), np.float32))]:
        b = snap(d); show(label, lambda: up_down_step(d, v, chains=ch)); print('    weights unchanged:', same(b, d))

def a02():
    "a trainer that loads an in-memory state mutates that state's tensors: the same state continued twice gives two answers"
    t = ud_trainer(spread=True, lr=0.1); t.run(1, progress=False); s = t.state_dict(); c0 = s['chains'].clone()
    a = ud_trainer(spread=True, lr=0.1); a.load_state_dict(s); a.run(1, progress=False)
    b = ud_trainer(spread=True, lr=0.1); b.load_state_dict(s); b.run(1, progress=False)
    print("  UpDownTrainer(method='pcd'): s['chains'] changed by another trainer's run:", not torch.equal(c0, s['chains']),
          '| two continuations of s agree:', torch.equal(a.dbn.top.W, b.dbn.top.W))
    for k, key in ((dict(centered=True), 'offsets'), (dict(method='pcd', fast_lr=0.01), 'fast')):
        t = rbm_trainer(**k); t.run(1, progress=False); s = t.state_dict(); s0 = copy.deepcopy(s)
        a = rbm_trainer(**k); a.load_state_dict(s); a.run(1, progress=False)
        b = rbm_trainer(**k); b.load_state_dict(s); b.run(1, progress=False)
        print(f"  RBMTrainer({k}): s[{key!r}] changed:", not all(torch.equal(x, y) for x, y in zip(s[key], s0[key])),
              '| two continuations of s agree:', torch.equal(a.rbm.W, b.rbm.W))

def a03():
    "finetune with SGD and lr * weight_decay >= 1 trains to chance level or worse, silently"
    v = bits(60, 6, 1); y = (v[:, 0] + v[:, 1]).long() # learnable: 0 errors with weight_decay=0
    for lr, wd in [(0.5, 0.), (1.0, 1.0), (0.5, 3.0)]:
        m = MLP([6, 8], 3, seed=0)
        show(f'lr={lr}, weight_decay={wd}', lambda: (lambda h: dict(train_error=round(h[-1]['train_error'], 3), train_loss=round(h[-1]['train_loss'], 3), chance_loss=round(math.log(3), 3)))(
            finetune(m, v, y, epochs=20, lr=lr, weight_decay=wd, momentum=0., batch=10, schedule='constant', progress=False, device='cpu', seed=0)))
    show('CDOptions(lr=1, weight_decay=1) for comparison', lambda: CDOptions(lr=1., weight_decay=1.))

def a06():
    "damaged RBMTrainer state parts load and silently switch the algorithm or broadcast"
    t = rbm_trainer(); t.run(1, progress=False); s = t.state_dict()
    tp = rbm_trainer(method='pcd'); tp.run(1, progress=False); sp = tp.state_dict()
    f = rbm_trainer(); show("CD trainer, state with 'chains' (now runs PCD)", lambda: f.load_state_dict({**s, 'chains': torch.zeros(10, 6)}).chains is not None); show('  run', lambda: f.run(1, progress=False)[-1]['epoch'])
    f = rbm_trainer(method='pcd'); show("PCD trainer, state with 'chains': None (now runs CD)", lambda: f.load_state_dict({**sp, 'chains': None}).chains); show('  run', lambda: f.run(1, progress=False)[-1]['epoch'])
    f = rbm_trainer(); show("non-centred trainer, state with 'offsets' (now takes centred steps)", lambda: f.load_state_dict({**s, 'offsets': (torch.zeros(6), torch.zeros(4))}).offsets is not None); show('  run', lambda: f.run(1, progress=False)[-1]['epoch'])
    f = rbm_trainer(); show("'velocity': three tensors of shape (1,)", lambda: [tuple(x.shape) for x in f.load_state_dict({**s, 'velocity': [torch.ones(1)] * 3}).velocity])
    f = rbm_trainer(method='pcd'); show("PCD chains of value 7 (not states)", lambda: f.load_state_dict({**sp, 'chains': torch.full((10, 6), 7.)}).epoch)

def a07():
    "'step' (and 'epoch' as a bool) not checked: a step beyond the run makes the linear schedule's rate negative"
    t = rbm_trainer(); t.run(1, progress=False); s = t.state_dict()
    for step in (10**6, -5, True): f = rbm_trainer(); show(f"step={step!r}", lambda: f.load_state_dict({**s, 'step': step}).step)
    f = rbm_trainer(); show("epoch=True", lambda: f.load_state_dict({**s, 'epoch': True}).epoch)
    tl = rbm_trainer(schedule='linear'); tl.run(1, progress=False)
    f = rbm_trainer(schedule='linear'); f.load_state_dict({**tl.state_dict(), 'step': 10**6})
    show("linear schedule, step=10**6, then run", lambda: f.run(1, progress=False))

def a08():
    "FineTuner: the optimizer's state is not checked against the options or the network"
    t = ft_trainer(); t.run(1, progress=False); s = t.state_dict(); pg = s['optimizer']['param_groups'][0]
    f = ft_trainer(); show("param_groups momentum=5, weight_decay=0.5 (options: 0.9, 0)", lambda: (lambda o: (o['momentum'], o['weight_decay']))(
        f.load_state_dict({**s, 'optimizer': {**s['optimizer'], 'param_groups': [{**pg, 'momentum': 5.0, 'weight_decay': 0.5}]}}).opt.param_groups[0]))
    show('  run', lambda: f.run(1, progress=False)[-1]['train_loss'])
    f = ft_trainer(); show("momentum_buffer of shape (1,)", lambda: f.load_state_dict({**s, 'optimizer': {**s['optimizer'], 'state': {0: {'momentum_buffer': torch.zeros(1)}}}}).epoch)
    show('  run', lambda: f.run(1, progress=False))

def a10():
    "damaged or foreign trainer states that load, then fail inside run with raw errors"
    t64 = RBMTrainer(D.RBM(6, 4, seed=0).double(), V40, CDOptions(epochs=3, batch=10, method='pcd'), seed=0, device='cpu'); t64.run(1, progress=False)
    f = rbm_trainer(method='pcd'); show('float64 PCD RBMTrainer state into a float32 trainer', lambda: f.load_state_dict(t64.state_dict()).chains.dtype); show('  run', lambda: f.run(1, progress=False))
    tp = rbm_trainer(method='pcd'); tp.run(1, progress=False); sp = tp.state_dict(); s = rbm_trainer(); s.run(1, progress=False); s = s.state_dict()
    f = rbm_trainer(method='pcd'); show('RBMTrainer chains of width 9', lambda: f.load_state_dict({**sp, 'chains': torch.zeros(10, 9)}).epoch); show('  run', lambda: f.run(1, progress=False))
    f = rbm_trainer(); show("RBMTrainer 'fast' on a trainer without fast weights", lambda: f.load_state_dict({**s, 'fast': [torch.ones(1)]}).epoch); show('  run', lambda: f.run(1, progress=False))
    u = ud_trainer(); u.run(1, progress=False); su = u.state_dict()
    for label, ch in [('UpDownTrainer chains float64', su['chains'].double()), ('UpDownTrainer chains with 0 rows', su['chains'][:0]), ('UpDownTrainer chains of width 9', torch.zeros(10, 9))]:
        f = ud_trainer(); show(label, lambda: f.load_state_dict({**su, 'chains': ch}).epoch); show('  run', lambda: f.run(1, progress=False))
    def dt(): return D.DBNTrainer(D.DBN([6, 4, 3], seed=0), V40, options=D.DBNOptions(CDOptions(epochs=2, batch=10)), seed=0, device='cpu')
    t = dt(); t.run(1, progress=False); ds = t.state_dict()
    f = dt(); show("DBNTrainer layer=2 at epoch 1", lambda: f.load_state_dict({**ds, 'layer': 2, 'rbm_trainer': None}).layer); show('  run', lambda: f.run(progress=False))
    f = dt(); show("DBNTrainer layer=1 without its code_rng", lambda: f.load_state_dict({**ds, 'layer': 1, 'rbm_trainer': None}).layer); show('  run', lambda: f.run(progress=False))

def a04():
    "a callback or stop of the wrong signature fails after the first epoch has trained the model"
    m = MLP([6, 4], 3, seed=0); b = snap(m)
    show('finetune(callback=lambda record: ...)', lambda: finetune(m, V40, torch.arange(40) % 3, epochs=3, batch=10, progress=False, callback=lambda record: None)); print('    model changed:', not same(b, m))
    r = D.RBM(6, 4, seed=0); W = r.W.clone()
    show('train_rbm(callback=lambda: ...)', lambda: D.train_rbm(r, V40, epochs=3, batch=10, progress=False, callback=lambda: None)); print('    model changed:', not torch.equal(W, r.W))
    t = ft_trainer(); show('FineTuner.run(stop=lambda trainer, record: False)', lambda: t.run(progress=False, stop=lambda trainer, record: False)); print('    epoch now', t.epoch)

def a05():
    "up_down_step: weight_decay unchecked; y silently ignored without label units"
    v = bits(5, 6)
    d = D.DBN([6, 4, 3], seed=0).untie(); show('weight_decay=nan', lambda: up_down_step(d, v, weight_decay=float('nan'))); print('    parameters finite:', all(bool(p.isfinite().all()) for p in d.parameters()))
    d = D.DBN([6, 4, 3], seed=0).untie(); w0 = d.top.W.clone(); show('lr=1, weight_decay=30 (UpDownOptions refuses lr*wd >= 1)', lambda: up_down_step(d, v, lr=1., weight_decay=30.)); print('    share of top weights whose sign flipped:', (torch.sign(d.top.W) != torch.sign(w0)).float().mean().item())
    d = D.DBN([6, 4, 3], seed=0).untie(); show('weight_decay=-100', lambda: up_down_step(d, v, lr=.1, weight_decay=-100.))
    d = D.DBN([6, 4, 3], seed=0).untie(); b = snap(d); show("weight_decay='x'", lambda: up_down_step(d, v, weight_decay='x'))
    d = D.DBN([6, 4, 3], seed=0).untie(); show('y given, DBN without label units', lambda: up_down_step(d, v, torch.tensor([0, 1, 0, 0, 1])))
    d = D.DBN([6, 4, 3], seed=0).untie(); show('chains of value 7 / NaN', lambda: (up_down_step(d, v, chains=torch.full((5, 4), 7.)), up_down_step(d, v, chains=torch.full((5, 4), float('nan')))))

def a09():
    "evaluate returns loss NaN for a NaN network or rows beyond float32; finetune then blames the learning rate"
    v, y = bits(10, 6), torch.arange(10) % 3
    m = MLP([6, 4], 3, seed=0); m.out.weight.data[0, 0] = float('nan')
    show('evaluate(MLP with a NaN weight)', lambda: {k: x for k, x in evaluate(m, v, y).items() if k != 'wrong'})
    show('finetune(MLP with a NaN weight)', lambda: finetune(m, v, y, epochs=1, progress=False, device='cpu'))
    show('evaluate(float64 rows of 1e300)', lambda: {k: x for k, x in evaluate(MLP([6, 4], 3, seed=0), torch.full((3, 6), 1e300, dtype=torch.float64), torch.tensor([0, 1, 2])).items() if k != 'wrong'})
    show('finetune(float64 rows of 1e300)', lambda: finetune(MLP([6, 4], 3, seed=0), torch.full((3, 6), 1e300, dtype=torch.float64), torch.tensor([0, 1, 2]), epochs=1, progress=False, device='cpu'))

def a11():
    "a trainer whose model changed dtype between runs fails in a matrix product"
    t = rbm_trainer(); t.run(1, progress=False); t.rbm.double(); show('RBMTrainer.run after rbm.double()', lambda: t.run(1, progress=False))
    u = ud_trainer('cd', labels=0); u.run(1, progress=False); u.dbn.double(); show('UpDownTrainer.run after dbn.double()', lambda: u.run(1, progress=False))

def a12():
    "finetune of an MLP whose parameters do not require grad"
    m = MLP([6, 4], 3, seed=0).requires_grad_(False); show('finetune(mlp.requires_grad_(False))', lambda: finetune(m, V40, torch.arange(40) % 3, epochs=1, batch=10, progress=False, device='cpu'))
    m = MLP([6, 4], 3, seed=0); m.out.requires_grad_(False)
    show('finetune(frozen output layer, head_epochs=1)', lambda: finetune(m, V40, torch.arange(40) % 3, epochs=2, head_epochs=1, batch=10, progress=False, device='cpu'))

def a13():
    "up_down_step on something that is not a DBN"
    show('up_down_step(RBM(6, 4), v)', lambda: up_down_step(D.RBM(6, 4), bits(2, 6)))

def a16():
    "Trainer.load_state_dict: model/device/n_batches entries of the wrong type"
    t = rbm_trainer(); t.run(1, progress=False); s = t.state_dict()
    show("'model': 5", lambda: rbm_trainer().load_state_dict({**s, 'model': 5}))
    show("'device': None", lambda: rbm_trainer().load_state_dict({**s, 'device': None}))
    show("'n_batches': '4'", lambda: rbm_trainer().load_state_dict({**s, 'n_batches': '4'}))

def a17():
    "run: desc of the wrong type; progress and stop results taken by truthiness"
    show('FineTuner.run(desc=5)', lambda: ft_trainer().run(1, desc=5))
    show("finetune(desc=5)", lambda: finetune(MLP([6, 4], 3, seed=0), V40, torch.arange(40) % 3, epochs=1, batch=10, desc=5, device='cpu'))
    show("FineTuner.run(stop=lambda: 'no') epochs run of 3", lambda: len(ft_trainer().run(progress=False, stop=lambda: 'no')))

def a15():
    "ais_estimate: Python lists pass through float32; odd log_w gives raw or misleading errors"
    show('ais_estimate([0., 1e308], 0.)  (finite float64 values)', lambda: ais_estimate([0., 1e308], 0.))
    lw = [5000.0 + i * 1e-4 for i in range(10)]
    show('log Z from a list minus from a float64 array (should be 0)', lambda: ais_estimate(lw, 0.).log_z - ais_estimate(np.array(lw), 0.).log_z)
    show("ais_estimate('abc', 0.)", lambda: ais_estimate('abc', 0.))
    show("ais_estimate(['a', 'b'], 0.)", lambda: ais_estimate(['a', 'b'], 0.))
    show('ais_estimate(torch.zeros(0), 0.)', lambda: ais_estimate(torch.zeros(0), 0.))
    show('type of n_steps kept from np.int64(3)', lambda: type(ais_estimate(torch.tensor([0., 1.]), 0., n_steps=np.int64(3)).n_steps))

def a18():
    "AIS helpers: a callback that is not callable fails after the first transition; AIS options silently unused by 'exact'"
    r = D.RBM(6, 4, seed=0)
    show('ais_log_weights(callback=3)', lambda: ais_log_weights(r, r.base_model(), linear_betas(3), n_chains=3, callback=3))
    show("log_partition(r, 'exact', n_chains=3, betas=[0, 1])", lambda: log_partition(r, 'exact', n_chains=3, betas=[0, 1]))

def a14():
    "load_checkpoint(path, ckpt) skips read_checkpoint's checks"
    p = os.path.join(TMP, 'c.pt'); save_checkpoint(p, D.DBN([6, 4, 3], seed=0), MLP([6, 4], 3, seed=0)); ck = torch.load(p, weights_only=True)
    show("ckpt with format 'dbn_book.checkpoint/1'", lambda: load_checkpoint(p, {**ck, 'format': 'dbn_book.checkpoint/1'}).dbn.sizes)
    show('read_checkpoint of the same file for comparison', lambda: (torch.save({**ck, 'format': 'dbn_book.checkpoint/1'}, os.path.join(TMP, 'f1.pt')), load_checkpoint(os.path.join(TMP, 'f1.pt'))))
    mm = MLP([10, 4], 3, seed=0)
    show('MLP of 10 inputs beside a DBN of 6 visible units', lambda: load_checkpoint(p, {**ck, 'mlp': {**mm.config, 'state': mm.state_dict()}}).mlp.sizes)
    show("MLP entry with dropout 1.5", lambda: load_checkpoint(p, {**ck, 'mlp': {**ck['mlp'], 'dropout': 1.5}}))

def a19():
    "MLP.forward: generator not checked"
    m = MLP([6, 4], 3, dropout=0.5, seed=0)
    show('training mode, generator=5', lambda: m.train()(bits(2, 6), generator=5))
    show('eval mode, generator=5', lambda: m.eval()(bits(2, 6), generator=5).shape)

def a20():
    "GaussianRBM AIS: v_data beyond float32 blamed on a diverged model"
    show('ais_log_partition(GaussianRBM(3, 2), v_data=randn * 1e20)', lambda: ais_log_partition(GaussianRBM(3, 2, seed=0), 3, linear_betas(3), v_data=torch.randn(5, 3, generator=G()) * 1e20))

def a21():
    "numpy bools: 'must be of type bool, got bool'"
    show('gibbs_langevin_chain(mh=np.bool_(True))', lambda: gibbs_langevin_chain(GaussianRBM(3, 2, seed=0), torch.randn(2, 3), 1, mh=np.bool_(True)))
    show('DBN.sample(mean=np.bool_(True))', lambda: D.DBN([6, 4, 3], seed=0).sample(2, k=1, mean=np.bool_(True)))

def a23():
    "meta-device models: raw errors from torch"
    show('finetune(MLP on meta, device=cpu)', lambda: finetune(MLP([6, 4], 3).to('meta'), bits(3, 6), torch.tensor([0, 1, 2]), epochs=1, progress=False, device='cpu'))
    show('evaluate(MLP on meta)', lambda: evaluate(MLP([6, 4], 3).to('meta'), bits(3, 6), [0, 1, 2]))
    show('save_checkpoint(MLP on meta)', lambda: save_checkpoint(os.path.join(TMP, 'm.pt'), D.DBN([6, 4, 3], seed=0), MLP([6, 4], 3).to('meta')))
    show('dbn_log_likelihood_bound(DBN on meta)', lambda: dbn_log_likelihood_bound(D.DBN([6, 4, 3], seed=0).to('meta'), torch.zeros(2, 6), 0.))

def a22():
    "FineTuneOptions: momentum silently unused by Adam; max_norm moves the hidden layers during head-only epochs"
    show("FineTuneOptions(optimizer='adam', momentum=0.1)", lambda: FineTuneOptions(optimizer='adam', momentum=0.1))
    v = bits(60, 6, 1); y = (v[:, 0] + v[:, 1]).long(); m = MLP([6, 8], 3, seed=0)
    with torch.no_grad(): m.hidden[0].weight.mul_(10)
    w0 = m.hidden[0].weight.clone()
    finetune(m, v, y, epochs=2, head_epochs=2, max_norm=0.5, batch=10, progress=False, device='cpu', seed=0)
    print('  hidden layer changed although every epoch was a head epoch:', not torch.equal(w0, m.hidden[0].weight))

ALL = [f for n, f in sorted(globals().items()) if n[:1] == 'a' and n[1:].isdigit()]
if __name__ == '__main__':
    chosen = sys.argv[1:] or [f.__name__ for f in ALL]
    for name in chosen:
        f = globals()[name]; print(f"{name}: {f.__doc__}"); f()
