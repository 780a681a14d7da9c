import math, copy, os, tempfile, numpy as np, torch
from _h import check, done
from dbn_book import *
from dbn_book.dbn import one_hot
from dbn_book.finetune import Checkpoint
from dbn_book.updown import up_down_step

G = lambda s: torch.Generator().manual_seed(s)
v = torch.bernoulli(torch.full((120, 12), .35), generator=G(0)); y = torch.randint(3, (120,), generator=G(1))
dbn = DBN([12, 8, 6], n_labels=3, v_data=v, seed=0)
check('b01', 'dbn.DBN.sizes / extra_repr', "units per layer, visible first (labels apart)", dbn.sizes == [12, 8, 6] and dbn.n_labels == 3 and dbn.top.n_visible == 11)
check('b02', 'dbn.DBN.up', "n_layers default: all the directed ones (to h^(l-1))", dbn.up(v).shape == (120, 8))
check('b03', 'dbn.one_hot', "one-hot rows, float32 default", one_hot(torch.tensor([2, 0], dtype=torch.int8), 3).tolist() == [[0, 0, 1], [1, 0, 0]] and one_hot(torch.tensor([1]), 3).dtype == torch.float32)
r = RBM(5, 3, seed=0); r.b.data += 1; f = flipped(r)
check('b04', 'dbn.flipped', "W' = W^T, b' = c, c' = b", torch.equal(f.W, r.W.T) and torch.equal(f.b, r.c) and torch.equal(f.c, r.b))
o = DBNOptions()
check('b05', 'dbn.DBNOptions', "defaults: layers CDOptions(lr=0.05), up 'prob', init 'random'", o.layers == CDOptions(lr=0.05) and o.up == 'prob' and o.init == 'random')
hs = train_dbn(dbn, v, y, epochs=[2, 3], batch=40, progress=False, seed=0)
check('b06', 'dbn.train_dbn', "for each RBM, its list of per-epoch records", [len(h) for h in hs] == [2, 3] and all(r['layer'] == i for i, h in enumerate(hs) for r in h))
rw = dbn.recognition_weights()
check('b07', 'dbn.DBN.recognition_weights', "Each RBM's (W', c), Q(h = 1 | x) = sigmoid(c + x W'), without the top's label rows",
      [tuple(W.shape) for W, _ in rw] == [(12, 8), (8, 6)] and torch.allclose(torch.sigmoid(rw[0][1] + v @ rw[0][0]), dbn.rbms[0].p_h(v)))
pl = predict_labels(dbn, v)
fe = torch.stack([dbn.top.free_energy(dbn.top_input(dbn.up(v), torch.full((120,), j))) for j in range(3)], 1)
check('b08', 'dbn.predict_labels', "the label whose one-hot vector gives the top RBM the lowest free energy (CPU int64)", pl.dtype == torch.int64 and pl.device.type == 'cpu' and torch.equal(pl, fe.argmin(1)))
sm = dbn.sample(7, k=5, generator=G(2))
check('b09', 'sampling.DBN.sample', "(n, n_visible), binary unless mean", sm.shape == (7, 12) and set(sm.unique().tolist()) <= {0., 1.})
check('b10', 'sampling.DBN.sample', "the same generator seed gives the same samples", torch.equal(dbn.sample(7, k=5, generator=G(2)), sm))
fr = dbn.sample_frames(4, steps=(0, 2, 5), labels=1, generator=G(3))
check('b11', 'sampling.DBN.sample_frames', "one (n, n_visible) tensor per entry of steps; mean default True (probabilities)", len(fr) == 3 and fr[0].shape == (4, 12) and not set(fr[1].unique().tolist()) <= {0., 1.})
pm = label_marginal(dbn, n=20, steps=30, burn=10, generator=G(4))
check('b12', 'sampling.label_marginal', "P(y), float64 (sums to 1 within float32 rounding of P(y|h))", pm.dtype == torch.float64 and abs(pm.sum().item() - 1) < 1e-6 and pm.device.type == 'cpu')
d2 = copy.deepcopy(dbn)
seen = match_label_prior(d2, y, rounds=2, generator=G(5), n=20, steps=30, burn=10)
check('b13', 'sampling.match_label_prior', "(rounds, n_labels): the estimate of P(y) that each round corrected", seen.shape == (2, 3))
b = dbn_log_likelihood_bound(dbn, v[:10], log_partition(dbn.top), n_samples=3, generator=G(6))
check('b14', 'ais.dbn_log_likelihood_bound', "in nats (float64), per row of v", b.dtype == torch.float64 and b.shape == (10,))
# finetune
mlp = mlp_from_dbn(dbn, n_classes=3, seed=0)
check('f01', 'finetune.mlp_from_dbn', "the DBN's recognition weights (W^T, c) in its hidden layers", torch.allclose(mlp.hidden[0].weight, dbn.rbms[0].W.T) and torch.allclose(mlp.hidden[1].bias, dbn.rbms[1].c))
o = FineTuneOptions()
check('f02', 'finetune.FineTuneOptions', "defaults: epochs 10, lr 0.1, batch 100, sgd, momentum 0.9, wd 0, cosine, max_norm None, head_epochs 0",
      (o.epochs, o.lr, o.batch, o.optimizer, o.momentum, o.weight_decay, o.schedule, o.max_norm, o.head_epochs) == (10, .1, 100, 'sgd', .9, 0., 'cosine', None, 0))
m2 = MLP([12, 8, 6], 3, dropout=0.5, seed=0)
m2.eval(); a1 = m2(v[:5]); m2.train(); a2 = m2(v[:5], G(0))
check('f03', 'finetune.MLP', "dropout ... during training (none in eval mode)", torch.equal(a1, m2.eval()(v[:5])) and not torch.equal(a1, a2))
ev = evaluate(mlp, v, y, batch=7)
check('f04', 'finetune.evaluate', "{'error','loss','n','wrong'}; any batch size, the remainder is kept", ev['n'] == 120 and abs(ev['error'] - len(ev['wrong']) / 120) < 1e-12
      and abs(ev['loss'] - torch.nn.functional.cross_entropy(mlp(v), y).item()) < 1e-5)
rec = finetune(mlp, v, y, epochs=3, batch=40, lr=0.1, progress=False, seed=0, v_valid=v[:30], y_valid=y[:30])
check('f05', 'finetune.finetune', "one record per epoch; with held-out rows valid_error and valid_loss", len(rec) == 3 and 'valid_error' in rec[0] and 'lr' in rec[0])
check('f06', 'finetune.FineTuner', "between epochs the network is ready to use (eval mode)", not mlp.training)
# head epochs: "train only the output layer for this many epochs first"
for mn in (None, 0.5):
    m3 = mlp_from_dbn(dbn, n_classes=3, seed=0); W0 = m3.hidden[0].weight.clone()
    finetune(m3, v, y, epochs=2, head_epochs=1, max_norm=mn, progress=False, seed=0)
    if mn is None: continue
m3 = mlp_from_dbn(dbn, 3, seed=0); W0 = m3.hidden[0].weight.clone()
t = FineTuner(m3, v, y, FineTuneOptions(epochs=2, head_epochs=1), seed=0); t.run(1, progress=False)
check('f07', 'finetune.FineTuneOptions.head_epochs', "train only the output layer for this many epochs first", torch.equal(W0, m3.hidden[0].weight))
m4 = mlp_from_dbn(dbn, 3, seed=0); W0 = m4.hidden[0].weight.clone()
t = FineTuner(m4, v, y, FineTuneOptions(epochs=2, head_epochs=1, max_norm=0.05), seed=0); t.run(1, progress=False)
dW = (W0 - m4.hidden[0].weight).abs().max().item()
check('f08', 'finetune.FineTuneOptions.head_epochs (+ max_norm)', "train only the output layer for this many epochs first (with max_norm set)", dW == 0, f"hidden weights moved by up to {dW:.3g} in the head epoch")
d = tempfile.mkdtemp(); p = save_checkpoint(os.path.join(d, 'c.pt'), dbn, mlp, config={'a': 1}, results={'b': 2})
ck = load_checkpoint(p)
check('f09', 'finetune.save/load_checkpoint', "The DBN, the MLP (eval mode), the configuration and the results", isinstance(ck, Checkpoint) and not ck.mlp.training and ck.config == {'a': 1} and ck.results == {'b': 2}
      and torch.equal(ck.mlp(v), mlp(v)))
dd = copy.deepcopy(dbn).double(); dd.save(os.path.join(d, 'd.pt'))
check('f10', 'dbn.DBN.from_checkpoint', "in the dtype it was saved in", DBN.load(os.path.join(d, 'd.pt')).top.W.dtype == torch.float64)
# up-down
o = UpDownOptions()
check('u01', 'updown.UpDownOptions', "defaults: epochs 10, lr 0.01, k 1, batch 100, linear, wd 0, cd", (o.epochs, o.lr, o.k, o.batch, o.schedule, o.weight_decay, o.method) == (10, .01, 1, 100, 'linear', 0., 'cd'))
du = copy.deepcopy(dbn)
recs = up_down(du, v, y, epochs=2, batch=40, progress=False, seed=0)
check('u02', 'updown.up_down', "unties its weights first; one record per epoch", not du.tied and len(recs) == 2 and 'recon_error' in recs[0])
du2 = copy.deepcopy(du); g = du2.gen_W[0].clone(); gb = du2.gen_b[0].clone()
rec = up_down_step(du2, v[:30], y[:30], lr=0.0, generator=G(0))
ref = (v[:30] - torch.sigmoid(torch.bernoulli(du.rbms[0].p_h(v[:30]), generator=G(0)) @ g.T + gb)).square().sum().item() / 30
check('u03', 'updown.up_down_step', "the wake pass's reconstruction error of the pixels, per row", abs(rec - ref) < 1e-4, f"{rec:.4f} vs {ref:.4f}")
t = UpDownTrainer(copy.deepcopy(dbn), v, y, UpDownOptions(method='pcd', batch=40), seed=0)
check('u04', 'updown.UpDownOptions.method', "'pcd' persistent (`batch` of them)", t.chains.shape == (40, 11))
done()
