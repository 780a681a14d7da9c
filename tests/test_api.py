"""The public API read as a reader reuses it (probe 12, benchmarks/results/api_probe12_2026-12-07/), and two numerics that
an independent reimplementation found apart from the paper or the data's precision (probe 13,
benchmarks/results/optimiser_probe13_2026-12-07/)."""
import pytest, torch
import torch.nn.functional as F

import dbn_book
from dbn_book.rbm import bernoulli
from dbn_book.cd import CDOptions
from dbn_book.dbn import DBN, DBNOptions, train_dbn
from dbn_book.finetune import FineTuneOptions, FineTuner, mlp_from_dbn, evaluate
from dbn_book.updown import UpDownOptions, up_down, up_down_step

g0 = torch.Generator().manual_seed(0)
v = bernoulli(torch.full((40, 6), 0.4), g0)
y = torch.randint(3, (40,), generator=g0)


@pytest.mark.parametrize('Options', [CDOptions, FineTuneOptions, UpDownOptions]) # DBNOptions(layers) reads well
def test_options_are_keywords_only(Options):
    "n01: the records order their fields differently, so CDOptions(5, 0.1, 50) set k=50 where FineTuneOptions' set batch=50."
    with pytest.raises(TypeError): Options(5)


def test_options_given_where_the_labels_go_are_named():
    "n08: train_dbn(dbn, v, DBNOptions()) took the options for y_train and said 'leave y_train out'."
    for call in (lambda: train_dbn(DBN([6, 4], seed=0), v, DBNOptions(), progress=False, device='cpu'),
                 lambda: up_down(DBN([6, 4, 3], seed=0), v, UpDownOptions(), progress=False, device='cpu')):
        with pytest.raises(TypeError, match='was given as y_train: pass it as options='): call()


def test_the_trainers_take_progress_desc_and_callback_by_keyword_only():
    "n09: train_rbm took (progress, callback, desc) in that order, finetune and up_down (progress, desc, callback)."
    from dbn_book.rbm import RBM
    from dbn_book.cd import train_rbm
    from dbn_book.finetune import MLP, finetune
    calls = {'train_rbm': lambda *a, **k: train_rbm(RBM(6, 4, seed=0), v, CDOptions(epochs=1, batch=20), *a, device='cpu', **k),
             'train_dbn': lambda *a, **k: train_dbn(DBN([6, 4], seed=0), v, None, DBNOptions(CDOptions(epochs=1, batch=20)), *a, device='cpu', **k),
             'finetune': lambda *a, **k: finetune(MLP([6, 4], 3, seed=0), v, y, FineTuneOptions(epochs=1, batch=20), *a, device='cpu', **k),
             'up_down': lambda *a, **k: up_down(DBN([6, 4, 3], seed=0), v, None, UpDownOptions(epochs=1, batch=20), *a, device='cpu', **k)}
    for name, call in calls.items():
        with pytest.raises(TypeError, match='positional argument'): call(False) # was progress=False in all four
        seen = []
        call(progress=False, callback=lambda trainer, record: seen.append(record))
        assert len(seen) == 1, name


def test_evaluate_names_its_rows_per_pass_chunk_as_predict_labels_does():
    "n10: evaluate called them batch, the word for the training mini-batch elsewhere (CDOptions.batch, --batch)."
    from dbn_book.dbn import predict_labels
    mlp = mlp_from_dbn(DBN([6, 4, 3], n_labels=3, seed=0), seed=0)
    assert evaluate(mlp, v, y, chunk=7)['wrong'].tolist() == evaluate(mlp, v, y, chunk=1000)['wrong'].tolist()
    assert len(predict_labels(DBN([6, 4, 3], n_labels=3, seed=0), v, chunk=7)) == len(v)
    with pytest.raises(ValueError, match='chunk must be'): evaluate(mlp, v, y, chunk=0)


def test_one_momentum_value_holds_for_every_epoch():
    "n12: CDOptions took momentum only as an (initial, final) pair, so train_rbm(..., momentum=0.9), torch's form, raised."
    from dbn_book.rbm import RBM
    from dbn_book.cd import train_rbm
    assert CDOptions(momentum=0.9).momentum == (0.9, 0.9) and CDOptions(momentum=0).momentum == (0, 0)
    one, two = RBM(6, 4, seed=0), RBM(6, 4, seed=0)
    for model, m in ((one, 0.7), (two, (0.7, 0.7))): train_rbm(model, v, epochs=3, batch=20, momentum=m, momentum_epochs=1, seed=0, progress=False, device='cpu')
    assert all(torch.equal(p, q) for p, q in zip(one.params, two.params))
    for bad in (1.0, -0.1, True, (0.5,)):
        with pytest.raises(ValueError, match=r'momentum must be a value in \[0, 1\), or two'): CDOptions(momentum=bad)


def test_the_samplers_name_their_starting_rows_v_start():
    "n07: sample_chains called them start, DBN.sample and DBN.sample_frames v_start; each one's keyword was the other's TypeError."
    from dbn_book.rbm import RBM
    from dbn_book.cd import sample_chains
    rows = v[:3]
    assert sample_chains(RBM(6, 4, seed=0), v_start=rows, steps=(1,))[0].shape == (3, 6)
    assert DBN([6, 4, 3], seed=0).sample(3, k=1, v_start=rows).shape == (3, 6)
    with pytest.raises(ValueError, match='v_start has 3 rows'): sample_chains(RBM(6, 4, seed=0), 5, v_start=rows)


def test_the_passes_take_their_flags_by_keyword():
    "n04: up(v, n_layers, sample, generator) returns probabilities and down(h, generator, mean) a sample; the flags read as keywords."
    dbn, g = DBN([6, 4, 3], seed=0), torch.Generator().manual_seed(0)
    with pytest.raises(TypeError, match='positional argument'): dbn.up(v, 1, True)
    with pytest.raises(TypeError, match='positional argument'): dbn.down(torch.zeros(2, 4), g, True)
    assert set(dbn.up(v, 1, sample=True, generator=g).unique().tolist()) <= {0., 1.}
    assert dbn.down(torch.zeros(2, 4), g, mean=True).shape == (2, 6)


def test_an_mlp_from_a_dbn_with_labels_has_one_output_per_label():
    "n02: mlp_from_dbn gave every DBN ten outputs, so a 3-label DBN fine-tuned 7 outputs for classes that do not exist."
    assert mlp_from_dbn(DBN([6, 4, 3], n_labels=3, seed=0), seed=0).out.out_features == 3
    assert mlp_from_dbn(DBN([6, 4, 3], seed=0), seed=0).out.out_features == 10
    assert mlp_from_dbn(DBN([6, 4, 3], n_labels=3, seed=0), 5, seed=0).out.out_features == 5


def test_every_model_draws_its_visible_units_from_a_keyword_mean():
    "n18: the protocol's draw_v(mean); the binary RBM called its argument p_v, so draw_v(mean=...) failed on it alone."
    from dbn_book import RBM, GaussianRBM
    for model in (RBM(6, 3, seed=0), RBM(6, 3, n_softmax=3, seed=0), GaussianRBM(6, 3, seed=0)):
        h = bernoulli(torch.full((50, 3), 0.5), torch.Generator().manual_seed(1))
        mean = model.v_mean(h)
        by_keyword = model.draw_v(mean=mean, generator=torch.Generator().manual_seed(2))
        assert torch.equal(by_keyword, model.draw_v(mean, torch.Generator().manual_seed(2))), type(model).__name__


def test_what_the_chapters_import_is_exported():
    "n15: the chapters' reader cells imported these from their modules; `from dbn_book import ...` could not."
    for name in ('local_mnist_folder', 'binary_states', 'image_patches', 'grey_sample_images', 'linear_betas'):
        assert name in dbn_book.__all__ and getattr(dbn_book, name) is not None


def test_a_float64_network_records_its_training_loss_in_float64():
    "o01: the epoch's loss was summed in float32, 1.6e-7 off the float64 loss of the same rows."
    dbn = DBN([6, 4, 3], n_labels=3, seed=0).double()
    mlp = mlp_from_dbn(dbn, seed=0)
    t = FineTuner(mlp, v.double(), y, FineTuneOptions(epochs=1, lr=1e-300, momentum=0.0, batch=7), seed=0, device='cpu')
    rec = t.run(progress=False)[0] # a rate too small to move any float64 weight: the loss of one network
    assert abs(rec['train_loss'] - evaluate(mlp, v.double(), y)['loss']) < 1e-12


def _paper_order_step(dbn, v, y, lr, k, g):
    "Appendix B of Hinton, Osindero and Teh (2006): every prediction, the sleep pass included, before any weight moves."
    L, m = len(dbn.rbms) - 1, len(v)
    s = [v]
    for rbm in dbn.rbms[:-1]: s.append(bernoulli(rbm.p_h(s[-1]), g))
    x = dbn.top_input(s[-1], y); ph0 = dbn.top.p_h(x)
    neg = dbn.top.gibbs_chain(x, k, g, p_h=ph0)
    d = [None] * L + [neg.v[:, :dbn.sizes[-2]]]
    for i in reversed(range(L)):
        p = torch.sigmoid(dbn.gen_b[i] + d[i + 1] @ dbn.gen_W[i].T); d[i] = p if i == 0 else bernoulli(p, g)
    wake = [s[i] - torch.sigmoid(dbn.gen_b[i] + s[i + 1] @ dbn.gen_W[i].T) for i in range(L)]
    sleep = [d[i + 1] - rbm.p_h(d[i]) for i, rbm in enumerate(dbn.rbms[:-1])]
    for i in range(L): dbn.gen_W[i] += lr * wake[i].T @ s[i + 1] / m; dbn.gen_b[i] += lr * wake[i].mean(0)
    dbn.top.W += lr * (x.T @ ph0 - neg.v.T @ neg.p_h) / m
    dbn.top.b += lr * (x - neg.v).mean(0); dbn.top.c += lr * (ph0 - neg.p_h).mean(0)
    for i, rbm in enumerate(dbn.rbms[:-1]): rbm.W += lr * d[i].T @ sleep[i] / m; rbm.c += lr * sleep[i].mean(0)


def test_up_down_makes_every_prediction_before_any_weight_moves():
    "o02: the sleep pass dreamt with the generative weights that the same step's wake phase had already moved."
    g = torch.Generator().manual_seed(1)
    a = DBN([6, 5, 4, 3], n_labels=3, seed=0).double().untie()
    with torch.no_grad():
        for p in a.parameters(): p.normal_(0, 0.8, generator=g)
    b = DBN([6, 5, 4, 3], n_labels=3).double().untie(); b.load_state_dict(a.state_dict())
    for step in range(3):
        up_down_step(a, v.double(), y, lr=0.5, k=2, generator=torch.Generator().manual_seed(step))
        with torch.no_grad(): _paper_order_step(b, v.double(), y, 0.5, 2, torch.Generator().manual_seed(step))
    for (name, p), q in zip(a.state_dict().items(), b.state_dict().values()):
        assert torch.allclose(p, q, atol=1e-12, rtol=0), name


def test_the_ais_family_takes_its_options_by_keyword():
    "n13: ais_log_partition(model, n_chains, betas) but raise_log_likelihood(model, v, betas, n_chains): betas went to n_chains."
    from dbn_book.rbm import RBM
    from dbn_book.dbn import DBN
    from dbn_book.ais import sm_betas, ais_log_weights, ais_log_partition, raise_log_likelihood, dbn_log_likelihood_bound, log_partition
    r, betas, g = RBM(6, 4, seed=0), sm_betas(20), lambda: torch.Generator().manual_seed(1)
    base, d = r.base_model(), DBN([6, 4, 3], seed=0)
    refused = {'ais_log_partition': lambda: ais_log_partition(r, betas),
               'raise_log_likelihood': lambda: raise_log_likelihood(r, v[:3], betas, 2),
               'ais_log_weights': lambda: ais_log_weights(r, base, betas, 10),
               'dbn_log_likelihood_bound': lambda: dbn_log_likelihood_bound(d, v[:3], 0., 5),
               'log_partition': lambda: log_partition(r, 'auto', 3)}
    for name, call in refused.items():
        with pytest.raises(TypeError, match='positional argument'): call()
    # by keyword, every one runs; the same options give the same numbers in any order
    a = ais_log_partition(r, betas=betas, n_chains=10, generator=g())
    assert a.log_z == ais_log_partition(r, n_chains=10, betas=betas, generator=g()).log_z
    assert torch.equal(ais_log_weights(r, base, betas, n_chains=10, generator=g()), ais_log_weights(r, base, betas, generator=g(), n_chains=10))
    assert raise_log_likelihood(r, v[:3], betas=betas, n_chains=2, generator=g()).shape == (3,)
    assert dbn_log_likelihood_bound(d, v[:3], 0., n_samples=5, generator=g()).shape == (3,)
    assert log_partition(r, 'auto', max_units=3, n_chains=10, betas=betas, generator=g()).method == 'ais'
