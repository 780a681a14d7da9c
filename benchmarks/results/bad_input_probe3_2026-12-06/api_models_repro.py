"""Reproduces every finding of api_models_findings.md (probe 3b). nice python api_models_repro.py [b01 b05 ...]
Writes only in a temporary folder. Each case prints OK -> result, or the exception type and its first line."""
import copy, os, sys, warnings
from pathlib import Path
import numpy as np, torch
torch.set_num_threads(1)
import matplotlib; matplotlib.use('Agg')
import dbn_book as D
from dbn_book.rbm import RBM, bernoulli, sample_softmax, enumerate_layer
from dbn_book.grbm import GaussianRBM
from dbn_book.cd import cd_grad, exact_grad, reconstruction_error, rbm_monitors, sample_chains, filter_images, rbm_figure, lr_factor, train_rbm
from dbn_book.dbn import DBN, DBNOptions, train_dbn, predict_labels, one_hot
from dbn_book.sampling import label_marginal, match_label_prior

import tempfile; TMP = Path(tempfile.mkdtemp()) # scratch files, outside the repository
G = lambda s=0: torch.Generator().manual_seed(s)
bits = lambda n, d, s=0: (torch.rand(n, d, generator=G(s)) < .5).float()

def T(label, f):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            r = f()
        s = ' '.join(repr(r).split())
        print(f"  [{label}] OK -> {s[:180]}{'...' if len(s) > 180 else ''}" + (f"   (warning: {str(w[0].message)[:80]})" if w else ''))
    except Exception as e:
        print(f"  [{label}] {type(e).__name__}: {str(e).splitlines()[0][:220] if str(e) else ''}")

def b01():
    "DBN.save / save_checkpoint write a checkpoint that DBN.load cannot read when a dict key is not plain (numpy int, Path, ...)"
    good = TMP / 'good.pt'; DBN([6, 4, 3], seed=0).save(good); before = good.read_bytes()
    T('DBN.load(good)', lambda: DBN.load(good).sizes)
    counts = dict(zip(*np.unique(np.array([0, 1, 1, 2]), return_counts=True))) # {np.int64(0): 1, ...}: keys are numpy ints
    T('save(good, label_counts=<numpy-int keys>)', lambda: DBN([6, 4, 3], seed=1).save(good, label_counts=counts))
    print('  the good checkpoint was replaced:', good.read_bytes() != before)
    T('DBN.load(good) again', lambda: DBN.load(good))
    T('save_checkpoint(config={Path: 1})', lambda: D.save_checkpoint(TMP / 'c.pt', DBN([6, 4, 3]), config={Path('x.png'): 1}))
    T('load_checkpoint', lambda: D.load_checkpoint(TMP / 'c.pt'))

def b02():
    "models whose parameters are NaN give NaN, blank or plausible answers silently at the RBM level and in DBN.up/down/predict_labels/label_marginal/match_label_prior"
    v = bits(3, 6)
    n = RBM(6, 4, seed=0); n.W.data[0, 0] = float('nan')
    T('rbm.gibbs (binary samples)', lambda: n.gibbs(v, 1, G()))
    T('rbm.sample_h', lambda: n.sample_h(v, G()))
    T('rbm.free_energy', lambda: n.free_energy(v))
    T('rbm.log_partition_exact', lambda: n.log_partition_exact())
    T('rbm.log_likelihood', lambda: n.log_likelihood(v))
    T('cd_grad', lambda: cd_grad(n, v, generator=G())[0][0])
    T('exact_grad', lambda: exact_grad(n, v)[0][0])
    T('reconstruction_error', lambda: reconstruction_error(n, v))
    T('rbm_monitors', lambda: rbm_monitors(n, v))
    T('sample_chains', lambda: sample_chains(n, 2, steps=(1,), generator=G())[0])
    T('train_rbm (a whole epoch, then "lower the learning rate")', lambda: train_rbm(n, bits(20, 6), epochs=1, batch=10, progress=False, seed=0, device='cpu'))
    def nan_dbn(where):
        d = DBN([6, 4, 3], n_labels=2, seed=0); (d.rbms[0] if where == 'bottom' else d.top).W.data.fill_(float('nan')); return d
    T('DBN.up', lambda: nan_dbn('bottom').up(v))
    T('DBN.down (all-zero samples)', lambda: nan_dbn('bottom').down(torch.ones(2, 4), G()))
    T('predict_labels, NaN top (label 0 for every row)', lambda: predict_labels(nan_dbn('top'), v))
    T('predict_labels, NaN bottom (blames the user\'s v)', lambda: predict_labels(nan_dbn('bottom'), v))
    T('label_marginal', lambda: label_marginal(nan_dbn('top'), 3, 3, 3, G()))
    d = nan_dbn('top'); d.top.W.data[:] = float('nan'); d.top.b.data[:] = 0.
    T('match_label_prior', lambda: match_label_prior(d, torch.tensor([0, 1]), n=3, steps=3, burn=3))
    print('  label biases after match_label_prior:', d.top.b[-2:].tolist())
    T('train_dbn', lambda: train_dbn(nan_dbn('top'), bits(20, 6), torch.arange(20) % 2, epochs=1, batch=10, progress=False, seed=0, device='cpu'))
    T('DBN.save (load then refuses it)', lambda: nan_dbn('bottom').save(TMP / 'nan.pt'))

def b03():
    "init_std is unbounded: float32 overflow gives infinite weights silently; a huge finite one is later blamed on the learning rate"
    T('RBM(6, 4, init_std=1e40).W[0]', lambda: RBM(6, 4, init_std=1e40, seed=0).W[0])
    T('... .log_partition_exact()', lambda: RBM(6, 4, init_std=1e40, seed=0).log_partition_exact())
    T('GaussianRBM(3, 2, init_std=1e40).free_energy', lambda: GaussianRBM(3, 2, init_std=1e40, seed=0).free_energy(torch.zeros(1, 3)))
    T('train_rbm(RBM(6, 4, init_std=1e5), ...)', lambda: train_rbm(RBM(6, 4, init_std=1e5, seed=0), bits(20, 6), epochs=1, batch=10, progress=False, seed=0))

def b04():
    "v_data that requires grad makes the model's biases non-leaf tensors in the data's autograd graph"
    r = RBM(6, 4, v_data=bits(4, 6).requires_grad_(), seed=0)
    T('RBM(v_data=x.requires_grad_()).b: (is_leaf, grad_fn)', lambda: (r.b.is_leaf, type(r.b.grad_fn).__name__))
    T('its free_energy carries the graph', lambda: r.free_energy(bits(2, 6)).grad_fn)
    T('train_rbm warns from inside torch', lambda: len(train_rbm(r, bits(20, 6), epochs=1, batch=10, progress=False, seed=0)))
    g = GaussianRBM(3, 2, v_data=torch.randn(5, 3, generator=G()).requires_grad_(), seed=0)
    T('GaussianRBM(v_data=...): b, z is_leaf', lambda: (g.b.is_leaf, g.z.is_leaf))

def b05():
    "bernoulli and sample_softmax check nothing: rows that are not probabilities give a wrong distribution silently"
    draws = lambda p: sample_softmax(p.expand(20000, -1).contiguous(), G()).mean(0)
    T('sample_softmax(weights [2, 3]) frequencies (want 0.4, 0.6)', lambda: draws(torch.tensor([[2., 3.]])))
    T('sample_softmax(rows summing to 0.2 [0.1, 0.1]) (want 0.5, 0.5)', lambda: draws(torch.tensor([[0.1, 0.1]])))
    T('sample_softmax(logits [-1, 0.5])', lambda: draws(torch.tensor([[-1., 0.5]])))
    T('sample_softmax NaN row', lambda: sample_softmax(torch.tensor([[float('nan'), 0.5]]), G()))
    T('sample_softmax 1-D row', lambda: sample_softmax(torch.tensor([0.5, 0.5])))
    T('bernoulli p outside [0, 1] / NaN', lambda: bernoulli(torch.tensor([2., -1., float('nan')]), G()))
    T('bernoulli int tensor', lambda: bernoulli(torch.tensor([1, 0])))
    T('bernoulli list', lambda: bernoulli([0.5, 0.2]))

def b06():
    "rbm_monitors swallows the ValueError of a bad exact_units: log Z and the log-likelihoods are left out silently"
    v = bits(4, 6)
    T("rbm_monitors(r, v, exact_units='16')", lambda: rbm_monitors(RBM(6, 4, seed=0), v, exact_units='16'))
    T('rbm_monitors(r, v, exact_units=-1)', lambda: rbm_monitors(RBM(6, 4, seed=0), v, exact_units=-1))
    T('rbm_monitors(r, v) (default)', lambda: rbm_monitors(RBM(6, 4, seed=0), v))

def b07():
    "lr_factor does not check t in [0, 1]"
    for t in (2.0, -1, float('nan'), '0.5'): T(f"lr_factor('linear', {t!r})", lambda: lr_factor('linear', t))
    T("lr_factor('cosine', 3.0)", lambda: lr_factor('cosine', 3.0))

def b08():
    "DBN.top_input does not check h"
    d = DBN([6, 4, 3], n_labels=2, seed=0)
    T('top_input(h of width 5) -> shape', lambda: d.top_input(torch.zeros(2, 5), [0, 1]).shape)
    T('top_input(h = 7.)', lambda: d.top_input(torch.full((2, 4), 7.), [0, 1]))
    T('top_input(int h) dtype', lambda: d.top_input(torch.ones(2, 4, dtype=torch.long), [0, 1]).dtype)
    T('top_input(list h)', lambda: d.top_input([[0.] * 4] * 2, [0, 1]))
    T('no labels: top_input(anything)', lambda: DBN([6, 4, 3]).top_input('abc'))

def b09():
    "GaussianRBM(v_data=...) accepts variances below what var= accepts (1e-30), then answers NaN"
    x = torch.tensor([[0., 0, 0], [1e-20, 1e-20, 1e-20]])
    T('GaussianRBM(3, 2, var=1e-40)', lambda: GaussianRBM(3, 2, var=1e-40))
    T('GaussianRBM(3, 2, v_data=x).var', lambda: GaussianRBM(3, 2, v_data=x).var)
    T('... .p_h(ones)', lambda: GaussianRBM(3, 2, v_data=x, seed=0).p_h(torch.ones(2, 3)))
    T('... .free_energy(ones)', lambda: GaussianRBM(3, 2, v_data=x, seed=0).free_energy(torch.ones(2, 3)))

def b10():
    "DBN.load accepts a Gaussian layer whose variances are infinite in float32 (z > 88), and weights far above MAX_WEIGHT"
    d = DBN.from_rbms([GaussianRBM(6, 4, seed=0), RBM(4, 3, seed=0)]); d.save(TMP / 'g.pt')
    ck = torch.load(TMP / 'g.pt', weights_only=True)
    torch.save({**ck, 'dbn': {**ck['dbn'], 'rbms.0.z': torch.full((6,), 100.)}}, TMP / 'gz.pt')
    T('DBN.load(z = 100).rbms[0].var', lambda: DBN.load(TMP / 'gz.pt').rbms[0].var)
    T('... .sample(2, k=1)', lambda: DBN.load(TMP / 'gz.pt').sample(2, k=1, generator=G()))
    torch.save({**ck, 'dbn': {**ck['dbn'], 'rbms.1.W': ck['dbn']['rbms.1.W'] * 1e7}}, TMP / 'big.pt')
    T('DBN.load(|W| ~ 1e5, above MAX_WEIGHT 1e4)', lambda: DBN.load(TMP / 'big.pt').rbms[1].W.abs().max())

def b11():
    "labels of an unsigned dtype wider than uint8 (or complex) reach torch: NotImplementedError"
    d = DBN([6, 4, 3], n_labels=3, seed=0)
    for name, y in [('np.uint32', np.array([0, 1, 2, 0], np.uint32)), ('np.uint64', np.array([0, 1, 2, 0], np.uint64)),
                    ('torch.uint16', torch.tensor([0, 1, 2, 0], dtype=torch.uint16)), ('complex64', torch.tensor([0, 1, 2, 0], dtype=torch.complex64))]:
        T(f'train_dbn(y_train {name})', lambda: train_dbn(DBN([6, 4, 3], n_labels=3, seed=0), bits(4, 6), y, epochs=1, progress=False))
        T(f'dbn.sample(labels {name})', lambda: d.sample(4, k=1, labels=y))
    T('match_label_prior(np.uint32)', lambda: match_label_prior(copy.deepcopy(d), np.array([0, 1, 2], np.uint32), n=3, steps=3, burn=3))
    T('D.finetune(y np.uint32)', lambda: D.finetune(D.MLP([6, 4], 3), bits(4, 6), np.array([0, 1, 2, 0], np.uint32), epochs=1, progress=False))
    T('object-dtype integer labels', lambda: d.sample(4, k=1, labels=np.array([0, 1, 2, 0], object)))

def b12():
    "DBNOptions.split: AttributeError for a non-DBN or non-dict; per-RBM values as numpy arrays called 'not an integer'"
    d = DBN([6, 4, 3], seed=0)
    T('DBNOptions.split({...}, RBM(6, 4))', lambda: DBNOptions.split({'epochs': 1}, RBM(6, 4)))
    T("DBNOptions.split([('epochs', 1)], dbn)", lambda: DBNOptions.split([('epochs', 1)], d))
    T('train_dbn(epochs=np.array([1, 2]))', lambda: train_dbn(DBN([6, 4, 3], seed=0), bits(20, 6), epochs=np.array([1, 2]), progress=False))
    T('train_dbn(momentum=np.array([.5, .9]))', lambda: train_dbn(DBN([6, 4, 3], seed=0), bits(20, 6), momentum=np.array([.5, .9]), progress=False))
    g = DBN.from_rbms([GaussianRBM(6, 4), RBM(4, 3)])
    T('DBNOptions.split({lr_var: [0.1, 0.2]}, gaussian dbn)', lambda: DBNOptions.split({'lr_var': [0.1, 0.2]}, g))

def b13():
    "raw internal errors from the helpers of cd.py and rbm.py"
    r, v = RBM(6, 4, seed=0), bits(4, 6)
    T("reconstruction_error(r, v, seed='a')", lambda: reconstruction_error(r, v, seed='a'))
    T('reconstruction_error(r, v, seed=1.5)', lambda: reconstruction_error(r, v, seed=1.5))
    T('reconstruction_error(r, v, seed=2**70)', lambda: reconstruction_error(r, v, seed=2**70))
    T("reconstruction_error('x', v)", lambda: reconstruction_error('x', v))
    T("rbm_monitors('x', v)", lambda: rbm_monitors('x', v))
    T("rbm_figure('x')", lambda: rbm_figure('x'))
    T("rbm_figure(RBM(784, 5), seed='a')", lambda: rbm_figure(RBM(784, 5, seed=0), 2, 2, 2, seed='a'))
    T('r.free_energy64(list)', lambda: r.free_energy64([[0.] * 6]))
    T('r.free_energy64(ndarray)', lambda: r.free_energy64(np.zeros((1, 6))))
    T('enumerate_layer(GaussianRBM)', lambda: list(enumerate_layer(GaussianRBM(3, 2), 10, 'a', 'b')))
    T("enumerate_layer('x')", lambda: list(enumerate_layer('x', 10, 'a', 'b')))
    T('filter_images(W with no rows)', lambda: filter_images(torch.zeros(0, 4)))
    T("filter_images('abc')", lambda: filter_images('abc'))
    T('filter_images(complex W)', lambda: filter_images(torch.ones(6, 2, dtype=torch.complex64) * 1j))
    T('filter_images(W with inf)', lambda: filter_images(torch.tensor([[float('inf'), 0.], [0., 1.]])))

def b14():
    "one_hot's n_labels and dtype are not checked"
    y = torch.tensor([0])
    T('one_hot(y, 0)', lambda: one_hot(y, 0))
    T("one_hot(y, '2')", lambda: one_hot(y, '2'))
    T('one_hot(y, 2.0)', lambda: one_hot(y, 2.0))
    T('one_hot(empty, -1)', lambda: one_hot(torch.tensor([], dtype=torch.long), -1))
    T("one_hot(y, 2, 'float32')", lambda: one_hot(y, 2, 'float32'))

def b15():
    "gibbs_chain, a public method, checks k but not v, p_h or clamp: torch's matrix-product errors"
    r = RBM(6, 4, seed=0)
    T('gibbs_chain(int rows)', lambda: r.gibbs_chain(torch.zeros(2, 6, dtype=torch.long), 1))
    T('gibbs_chain(float64 rows)', lambda: r.gibbs_chain(torch.zeros(2, 6, dtype=torch.float64), 1))
    T('gibbs_chain(width 5)', lambda: r.gibbs_chain(torch.zeros(2, 5), 1))
    T('gibbs_chain(list)', lambda: r.gibbs_chain([[0.] * 6], 1))
    T('gibbs_chain(grey rows = 5.)', lambda: r.gibbs_chain(torch.full((2, 6), 5.), 1, G()).v)
    T('gibbs_chain(p_h of width 5)', lambda: r.gibbs_chain(bits(3, 6), 1, G(), p_h=torch.zeros(3, 5)))
    T('gibbs_chain(clamp of 2 rows for 3)', lambda: r.gibbs_chain(bits(3, 6), 1, G(), clamp=torch.zeros(2, 2)))
    T('gibbs_chain(1-D clamp)', lambda: r.gibbs_chain(bits(3, 6), 1, G(), clamp=torch.zeros(2)))
    T('gibbs_chain(generator=5)', lambda: r.gibbs_chain(bits(3, 6), 1, 5))

def b16():
    "values a rounding error above 1 are refused with 'must lie in [0, 1], got values in [0, 1]; binarize grey images first'"
    r = RBM(6, 4, seed=0)
    v = bits(3, 6).double(); v[0, 0] = 1 + 1e-12 # exactly 1.0 once cast to the model's float32
    T('rbm.p_h(float64 with 1 + 1e-12)', lambda: r.p_h(v))
    T('float32 cast of that value', lambda: v.float().max().item())
    v32 = bits(3, 6); v32[0, 0] = 1.0000001
    T('train_rbm(float32 with 1.0000001)', lambda: train_rbm(RBM(6, 4), v32, epochs=1, progress=False))
    T('dbn.down(h = 1.0000001)', lambda: DBN([6, 4, 3]).down(torch.full((2, 4), 1.0000001)))
    sm = RBM(6, 4, n_softmax=3, seed=0)
    T('softmax group summing to 1.0002', lambda: sm.p_h(torch.cat([bits(2, 3), torch.tensor([[0.3, 0.3, 0.4002], [1., 0, 0]])], 1)))

def b17():
    "train_dbn: an upper layer's divergence does not name the layer; the lower layers stay trained and the records are lost"
    d = DBN([6, 4, 3], seed=0); W0 = d.rbms[0].W.clone()
    T('train_dbn(..., epochs=[2, 2], lr=[0.05, 1e6])', lambda: train_dbn(d, bits(40, 6), epochs=[2, 2], lr=[0.05, 1e6], weight_decay=0, batch=10, progress=False, seed=0))
    print('  RBM 0 was trained and kept:', not torch.equal(W0, d.rbms[0].W))

def b18():
    "unclear messages"
    d = DBN([6, 4, 3], n_labels=2, seed=0)
    T('dbn.sample(mean=np.bool_(True))', lambda: d.sample(2, k=1, mean=np.bool_(True)))
    from collections import namedtuple
    T('dbn.save(extra namedtuple)', lambda: d.save(TMP / 'nt.pt', best=namedtuple('Best', 'epoch')(3)))
    T('DBN.from_rbms(dbn.rbms)', lambda: DBN.from_rbms(d.rbms))
    T('rbm_figure(RBM(6, 4))', lambda: rbm_figure(RBM(6, 4, seed=0), 2, 2, 2))
    T('rbm_figure(RBM(784, 5), n_samples=0)', lambda: rbm_figure(RBM(784, 5, seed=0), 2, 0, 2))
    T('rbm_figure(RBM(784, 5), steps=0)', lambda: rbm_figure(RBM(784, 5, seed=0), 2, 2, 0))
    T('match_label_prior(dbn, empty y)', lambda: match_label_prior(copy.deepcopy(d), torch.tensor([], dtype=torch.long), n=3, steps=3, burn=3))

def b19():
    "flags taken by truthiness; DBN.generative answers for the top RBM on a tied DBN"
    d = DBN([6, 4, 3], seed=0)
    T("dbn.up(v, sample='no') (samples)", lambda: d.up(bits(2, 6), sample='no', generator=G()))
    T("dbn.up(v, sample='no') equals sample=True", lambda: torch.equal(d.up(bits(2, 6), sample='no', generator=G()), d.up(bits(2, 6), sample=True, generator=G())))
    T('dbn.generative(1) on a 2-RBM tied DBN (the top RBM is not directed)', lambda: [t.shape for t in d.generative(1)])
    T('dbn.generative(-1)', lambda: [t.shape for t in d.generative(-1)])
    T('untied: dbn.generative(1)', lambda: DBN([6, 4, 3], seed=0).untie().generative(1))

ALL = [b01, b02, b03, b04, b05, b06, b07, b08, b09, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19]
if __name__ == '__main__':
    chosen = [f for f in ALL if len(sys.argv) < 2 or f.__name__ in sys.argv[1:]]
    for f in chosen:
        print(f'{f.__name__}: {f.__doc__}'); f(); print()
