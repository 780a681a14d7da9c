import math, copy, numpy as np, torch, warnings
from _h import check, done
from dbn_book.rbm import *
from dbn_book.cd import *
from dbn_book import load_mnist, mnist_tensors

s = binary_states(3)
check('r01', 'rbm.binary_states', "the 2^n binary states, unit 0 the least significant bit; float64 default", s.dtype == torch.float64 and s[1].tolist() == [1., 0., 0.] and s[4].tolist() == [0., 0., 1.])
p = torch.tensor([[.2, .5, .3]] * 20000, dtype=torch.float64)
oh = sample_softmax(p, torch.Generator().manual_seed(0))
check('r02', 'rbm.sample_softmax', "exactly one unit on, unit i with probability p[:, i]", bool((oh.sum(1) == 1).all()) and (oh.mean(0) - p[0]).abs().max() < 0.015)
v = torch.bernoulli(torch.full((50, 6), .3), generator=torch.Generator().manual_seed(1))
b = visible_bias_from_data(v)
pp = v.mean(0).clamp(1e-3, 1 - 1e-3)
check('r03', 'rbm.visible_bias_from_data', "log(p/(1-p))", torch.allclose(b, (pp / (1 - pp)).log()))
r = RBM(6, 4, v_data=v, seed=0)
check('r04', 'ch01 prose', "weights from N(0, 0.01^2), hidden biases 0; with h = 0 the visible probabilities equal the data frequencies",
      abs(r.W.std().item() - 0.01) < 0.004 and bool((r.c == 0).all()) and torch.allclose(r.v_mean(torch.zeros(1, 4))[0], pp, atol=1e-6))
check('r05', 'ch01 prose', "Pass seed for reproducible weights", torch.equal(RBM(6, 4, seed=0).W, RBM(6, 4, seed=0).W))
check('r06', 'ch01 prose', "rbm(v) gives every P(h_j = 1 | v)", torch.equal(r(v), r.p_h(v)))
r.W.data.normal_(0, 1, generator=torch.Generator().manual_seed(2))
ll = r.log_likelihood(v)
check('r07', 'rbm.log_likelihood', "log P(v) in nats, one float64 value per row", ll.dtype == torch.float64 and ll.shape == (50,))
ll2 = r.log_likelihood(v, log_z=torch.tensor(3.))
check('r08', 'rbm.log_likelihood', "log_z: a number, or chapter 6's estimate (float64 still)", ll2.dtype == torch.float64)
allv = binary_states(6).float()
check('r09', 'rbm.log_partition_exact', "The exact log Z in float64", r.log_partition_exact().dtype == torch.float64 and abs(torch.logsumexp(-r.free_energy64(allv), 0).item() - r.log_partition_exact().item()) < 1e-9)
ch = r.gibbs_chain(v, 2, torch.Generator().manual_seed(0))
check('r10', 'rbm.Chain', "p_h: P(h = 1 | v) of that sample", torch.allclose(ch.p_h, r.p_h(ch.v)))
rs = RBM(5, 3, n_softmax=3, seed=0)
vs = visible_states(5, 3)
check('r11', 'rbm.visible_states', "binary units in binary, the softmax group one-hot; 2^n_bin * L rows", vs.shape == (12, 5) and bool((vs[:, 2:].sum(1) == 1).all()))
# cd
o = CDOptions()
check('k01', 'cd.CDOptions', "documented defaults: epochs 10, lr 0.1, k 1, cd, batch 100, momentum (0.5, 0.9), momentum_epochs 5, wd 2e-4, constant, lr_var lr/10, min_var 1e-2",
      (o.epochs, o.lr, o.k, o.method, o.batch, o.momentum, o.momentum_epochs, o.weight_decay, o.schedule, o.lr_var, o.min_var) == (10, .1, 1, 'cd', 100, (.5, .9), 5, 2e-4, 'constant', .01, 1e-2))
check('k02', 'cd.lr_factor', "1, 1 - t, or (1 + cos(pi t)) / 2", lr_factor('constant', .3) == 1 and abs(lr_factor('linear', .3) - .7) < 1e-12 and abs(lr_factor('cosine', .5) - .5) < 1e-12)
g = exact_grad(r, v)
check('k03', 'cd.exact_grad', "one tensor per parameter, in the shapes of W, b, c (in the model's dtype)", [t.shape for t in g] == [r.W.shape, r.b.shape, r.c.shape] and g[0].dtype == r.W.dtype)
e1, e2 = reconstruction_error(r, v, seed=3), reconstruction_error(r, v, seed=3)
h = bernoulli(r.p_h(v), make := torch.Generator().manual_seed(3))
ref = (v - r.v_mean(h)).square().sum().item() / len(v)
check('k04', 'cd.reconstruction_error', "summed over units and averaged over rows, h drawn by a generator of its own (seeded)", e1 == e2 and abs(e1 - ref) < 1e-5)
m = rbm_monitors(RBM(20, 4, seed=0), v.repeat(1, 4)[:, :20], exact_units=4)
check('k05', 'cd.rbm_monitors', "exact log Z up to 2^exact_units states (4 hidden units, exact_units=4)", 'log_z' in m and 'log_lik_train' in m)
chs = sample_chains(r, steps=(1, 5))
check('k06', 'cd.sample_chains', "n: default 10; one E[v|h] per entry of steps", len(chs) == 2 and chs[0].shape == (10, 6))
chs = sample_chains(r, start=v[:7], steps=(2,))
check('k07', 'cd.sample_chains', "n: default ... start's rows", chs[0].shape == (7, 6))
fi = filter_images(torch.randn(6, 4), n=3, keep=torch.tensor([True] * 6 + [False] * 2))
check('k08', 'cd.filter_images', "first n columns as rows in [0, 1]; keep: the others grey", fi.shape == (3, 8) and bool((fi[:, 6:] == .5).all()) and fi[:, :6].min() >= 0 and fi[:, :6].max() <= 1)
fig = rbm_figure(RBM(784, 5, seed=0), n_filters=100, n_samples=3, steps=2)
check('k09', 'cd.rbm_figure', "title: min(n_filters, n_hidden) filters", fig.axes[0].get_title().startswith('5 filters'))
# the trainer
x = torch.bernoulli(torch.full((230, 6), .4), generator=torch.Generator().manual_seed(4))
rr = RBM(6, 4, seed=0)
hist = train_rbm(rr, x, epochs=2, batch=100, schedule='linear', lr=0.1, progress=False, seed=0, v_valid=x[:20])
check('k10', 'cd.train_rbm / RBMTrainer', "one record per epoch; record['lr']: the rate of the epoch's last update",
      len(hist) == 2 and abs(hist[-1]['lr'] - 0.1 * (1 - 5 / 6)) < 1e-12, f"lr {hist[-1]['lr']}")
check('k11', 'ch02 prose', "monitors: reconstruction error, free-energy gap, exact log-likelihoods of both sets", all(k in hist[0] for k in ('recon_error', 'free_energy_gap', 'log_lik_train', 'log_lik_valid', 'log_z', 'seconds')))
rr2 = RBM(6, 4, seed=0); hist2 = train_rbm(rr2, x, epochs=2, batch=100, schedule='linear', lr=0.1, progress=False, seed=0, v_valid=x[:20])
check('k12', 'ch00 prose', "the same seed gives the same result", torch.equal(rr.W, rr2.W) and [h['recon_error'] for h in hist] == [h['recon_error'] for h in hist2])
t = RBMTrainer(RBM(6, 4, seed=0), x, CDOptions(method='pcd', batch=50), seed=0)
check('k13', 'cd.CDOptions n_chains', "PCD's persistent chains; default batch", t.chains.shape == (50, 6))
# weight decay on W only, momentum schedule
r3 = RBM(6, 4, seed=0); t3 = RBMTrainer(r3, x[:100], CDOptions(epochs=6, batch=100, lr=0.1), seed=0)
seen = []
orig = t3.update
t3.update = lambda v0, eps, mu: (seen.append(mu), orig(v0, eps, mu))[1]
t3.run(progress=False)
check('k14', 'ch02 prose', "mu = 0.5 for the first momentum_epochs epochs, and 0.9 after", seen == [.5] * 5 + [.9])
# README example
v_train, y_train, v_test, y_test = mnist_tensors(load_mnist(download=False, cache='/tmp/p9_nocache'))
from dbn_book import RBM as R, train_rbm as tr
rbm = R(784, 200, v_data=v_train, seed=0)
history = tr(rbm, v_train[:2000], epochs=3, v_valid=v_train[-500:], seed=0, progress=False)
got = [round(h['recon_error'], 1) for h in history]
check('k15', 'README.md / index.ipynb', "on the embedded digits 62.3, 51.2, 46.6", got == [62.3, 51.2, 46.6], f"got {got}")
v_train, *_ = mnist_tensors(load_mnist('/work/shared/data/mnist'))
rbm = R(784, 200, v_data=v_train, seed=0)
history = tr(rbm, v_train[:2000], epochs=3, v_valid=v_train[-500:], seed=0, progress=False)
got = [round(h['recon_error'], 1) for h in history]
check('k16', 'README.md / index.ipynb', "[61.3, 50.3, 45.5] on the full MNIST", got == [61.3, 50.3, 45.5], f"got {got}")
done()
