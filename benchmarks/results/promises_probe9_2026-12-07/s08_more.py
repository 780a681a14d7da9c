import copy, math, warnings, numpy as np, torch
from types import SimpleNamespace
from _h import check, done
from dbn_book import *
from dbn_book.core import DivergenceWarning
import dbn_book.cli as cli

G = lambda s: torch.Generator().manual_seed(s)
v = torch.bernoulli(torch.full((100, 8), .35), generator=G(0))
d = DBN([8, 5, 8], seed=0)
t = DBNTrainer(d, v, options=DBNOptions(layers=CDOptions(epochs=1, batch=50), init='flipped'), seed=0)
t.run(1, progress=False); t._start_layer()
check('m01', 'dbn.DBNOptions.init', "'flipped': the upper RBM starts as the lower RBM turned around", torch.equal(d.rbms[1].W, d.rbms[0].W.T) and torch.equal(d.rbms[1].c, d.rbms[0].b))
d2 = DBN([8, 5, 4], seed=0)
t2 = DBNTrainer(d2, v, options=DBNOptions(layers=CDOptions(epochs=1, batch=50), up='sample'), seed=0); t2.run(1, progress=False)
check('m02', 'dbn.DBNOptions.up', "'sample': the next layer's data h ~ Q(h|v) (binary)", set(t2.x.unique().tolist()) <= {0., 1.})
dm = d2.down(torch.ones(3, 5), mean=True)
check('m03', 'dbn.DBN.down', "mean: the mean of P(v | h^(1)) instead of a sample", torch.allclose(dm, d2.rbms[0].v_mean(torch.ones(3, 5))))
r = RBM(8, 4, seed=0); r.W.data.normal_(generator=G(1))
base = r.base_model(v)
pp = v.mean(0).clamp(1e-3, 1 - 1e-3)
check('m04', 'ais.RBM.base_model', "W = 0, c = 0, visible biases from the data's frequencies", not base.W.any() and not base.c.any() and torch.allclose(base.b, (pp / (1 - pp)).log()))
rs = RBM(6, 3, n_softmax=3, seed=0)
vs = torch.cat([torch.bernoulli(torch.full((40, 3), .5), generator=G(2)), torch.nn.functional.one_hot(torch.arange(40) % 3, 3).float()], 1)
bs = rs.base_model(vs)
check('m05', 'ais.RBM.base_model', "(log p for a softmax group)", torch.allclose(bs.b[-3:], vs[:, -3:].mean(0).log()))
seen = []
from dbn_book.ais import ais_log_weights, linear_betas
ais_log_weights(r, base, linear_betas(5), n_chains=3, generator=G(3), callback=lambda k, b, x: seen.append((k, b, tuple(x.shape))))
check('m06', 'ais.ais_log_weights', "callback(k, beta_k, v) after each transition (K - 1 of them)", [s[0] for s in seen] == [1, 2, 3, 4] and seen[0][2] == (3, 8))
# warn_if_worse: once per run
x = torch.bernoulli(torch.full((200, 8), .5), generator=G(4))
rr = RBM(8, 4, seed=0)
tr = RBMTrainer(rr, x, CDOptions(epochs=6, batch=200), seed=0)
recs = iter([9., 9.5, 10., 10.5, 11., 12.])
orig = tr.run_epoch
def fake(bar=None):
    rec = {'epoch': tr.epoch + 1, 'recon_error': next(recs)}; tr.warn_if_worse(rec, 'advice'); return rec
tr.run_epoch = fake
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always'); tr.run(progress=False)
n = sum(issubclass(x.category, DivergenceWarning) for x in w)
check('m07', 'core.Trainer.warn_if_worse / ch00 prose', "a DivergenceWarning, once per run, when two epochs in a row reconstruct worse than 1.3 baseline + 0.01 per unit", n == 1, f"{n} warnings, baseline {tr.baseline:.2f}")
# dbn_train: which training each option reaches (run_training with its trainers captured)
args = cli.check_train_args(cli.train_parser().parse_args(['--no_download', '--sizes', '784', '16', '16', '--dbn_epochs', '6', '--top_epochs', '1', '--updown_epochs', '1',
                                                          '--mlp_epochs', '1', '--n_train', '200', '--valid', '0', '--weight_decay', '0.001', '--momentum', '0.8', '--device', 'cpu', '--quiet']))
made = {}
for name in ('DBNTrainer', 'UpDownTrainer', 'FineTuner'):
    cls = getattr(cli, name)
    def wrap(*a, _cls=cls, _n=name, **k): obj = _cls(*a, **k); made[_n] = obj; return obj
    setattr(cli, name, wrap)
res = cli.run_training(args)
lay = made['DBNTrainer'].layer_options
check('m08', 'dbn_train --help --momentum', "momentum after the first 5 epochs (0.5 before), every RBM", all(o.momentum == (0.5, 0.8) and o.momentum_epochs == 5 for o in lay))
check('m09', 'dbn_train --help --weight_decay', "L2 penalty on the weights: the RBMs of pretraining", all(o.weight_decay == 0.001 for o in lay))
ud = made['UpDownTrainer'].o
check('m10', 'dbn_train --help --weight_decay (group: the DBN and its training as a generative model)', "L2 penalty on the weights: also the weights up-down trains", ud.weight_decay == 0.001, f"UpDownOptions.weight_decay = {ud.weight_decay}")
check('m11', 'dbn_train --help --valid', "0 for none: no validation errors reported", not any(k.startswith('valid_error') for k in res) and res['n_valid'] == 0)
check('m12', 'dbn_train --help --batch / --top_lr / --updown_lr', "top RBM: linear schedule; up-down: linear; fine-tuning: cosine (peak --mlp_lr)",
      lay[-1].schedule == 'linear' and lay[0].schedule == 'constant' and ud.schedule == 'linear' and made['FineTuner'].o.schedule == 'cosine')
done()
