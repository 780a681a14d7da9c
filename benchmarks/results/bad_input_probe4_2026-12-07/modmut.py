import torch, warnings, copy
warnings.simplefilter('ignore')
import dbn_book as D
from dbn_book.grbm import GaussianRBM
from dbn_book import cd, ais
torch.manual_seed(0)
v = (torch.rand(20, 8) < .4).float(); y = torch.arange(20) % 3; xg = torch.randn(20, 8)
def chk(name, model, f):
    before = copy.deepcopy(model.state_dict()); mode = model.training; dt = next(model.parameters()).dtype
    try: f(); err = ''
    except Exception as e: err = f'{type(e).__name__}: {str(e)[:120]}'
    after = model.state_dict()
    ch = [k for k in before if k not in after or not torch.equal(before[k], after[k])] + [k for k in after if k not in before]
    print(f"{name:35s} changed: {ch} mode {mode}->{model.training} dtype {dt}->{next(model.parameters()).dtype} {err}")
d = D.DBN([8, 6, 5], n_labels=3, seed=0)
chk('predict_labels', d, lambda: D.predict_labels(d, v))
chk('sample', d, lambda: d.sample(5, k=3, labels=1))
chk('label_marginal', d, lambda: D.label_marginal(d, n=5, steps=3, burn=2))
chk('bound', d, lambda: D.dbn_log_likelihood_bound(d, v, 0.))
chk('mlp_from_dbn', d, lambda: D.mlp_from_dbn(d, 3))
chk('DBN.save', d, lambda: d.save('/work/tmp/probe4/x.pt'))
r = D.RBM(8, 5, seed=0)
chk('log_partition ais', r, lambda: D.log_partition(r, 'ais', n_chains=4, betas=D.sm_betas(20)))
chk('raise', r, lambda: D.raise_log_likelihood(r, v, betas=D.sm_betas(20)))
chk('rbm_monitors', r, lambda: cd.rbm_monitors(r, v, v, 5))
chk('flipped', r, lambda: D.flipped(r))
g = GaussianRBM(8, 5, seed=0, var=1e-3)
chk('RBMTrainer ctor gaussian (no run)', g, lambda: D.RBMTrainer(g, xg, D.CDOptions(lr=1e-3), device='cpu'))
g2 = GaussianRBM(8, 5, seed=0)
chk('ais gaussian', g2, lambda: D.ais_log_partition(g2, n_chains=4, betas=D.sm_betas(20), v_data=xg))
chk('langevin', g2, lambda: D.gibbs_langevin_chain(g2, xg, 2))
m = D.MLP([8, 6], 3).train()
chk('evaluate', m, lambda: D.evaluate(m, v, y))
chk('FineTuner ctor (no run)', m, lambda: D.FineTuner(m, v, y, device='cpu'))
d3 = D.DBN([8, 6, 5], n_labels=3, seed=0)
chk('UpDownTrainer ctor (no run)', d3, lambda: D.UpDownTrainer(d3, v, y, device='cpu'))
d4 = D.DBN([8, 6, 5], n_labels=3, seed=0).double()
chk('DBNTrainer ctor float64', d4, lambda: D.DBNTrainer(d4, v, y, device='cpu'))
chk('predict_labels float64', d4, lambda: D.predict_labels(d4, v))
