"Bad input to the library's functions gets an error that names the argument, not an AttributeError or an empty stack from inside torch."
import math
import pytest
from pathlib import Path
import numpy as np, torch
from fastcore.test import test_fail as fails
import dbn_book as D
from dbn_book.data import show_digits, mnist_tensors, image_patches
from dbn_book.cd import filter_images, RBMTrainer, CDOptions
from dbn_book.ais import ais_log_weights, linear_betas, ais_estimate
from dbn_book.grbm import GaussianRBM


def test_enumeration_chunks_must_be_positive():
    r, g = D.RBM(6, 4, seed=0), GaussianRBM(3, 4, seed=0)
    for bad in (0, -5, 2.5):
        fails(lambda: r.log_partition_exact(chunk=bad), contains='chunk must be an integer >= 1')
        fails(lambda: g.log_partition_exact(chunk=bad), contains='chunk must be an integer >= 1')
    assert torch.allclose(r.log_partition_exact(chunk=3), r.log_partition_exact()) # small chunks still sum every state


def test_figures_take_numpy_and_refuse_other_shapes():
    v = (np.random.default_rng(0).random((4, 784)) < 0.5).astype(np.float32)
    image = lambda x: np.asarray(show_digits(x).axes[0].images[0].get_array())
    assert np.array_equal(image(v), image(torch.as_tensor(v))) # numpy's arrays drawn as tensors are
    fails(lambda: show_digits(v[0]), contains='one 784-pixel row each; got shape (784,)')
    W = np.random.default_rng(0).normal(size=(784, 5)).astype(np.float32)
    assert filter_images(W, n=3).shape == (3, 784)
    fails(lambda: filter_images(torch.zeros(784)), contains='W must be a matrix of finite real values, one column per hidden unit; got shape (784,)')


def test_wrong_types_are_named():
    dbn = D.DBN([6, 4, 3], seed=0)
    fails(lambda: dbn.down([[0., 1., 0., 1.]]), contains='h must be of type Tensor, got list')
    r = D.RBM(6, 4, seed=0)
    fails(lambda: ais_log_weights(r, r.base_model(), linear_betas(3), generator=5), contains='generator must be a torch.Generator, got int')
    fails(lambda: mnist_tensors('mnist'), contains='ds must be of type MNIST, got str')


def test_a_damaged_trainer_state_is_named_and_nothing_loads():
    v = (torch.rand(40, 6, generator=torch.Generator().manual_seed(0)) < 0.5).float()
    t = RBMTrainer(D.RBM(6, 4, seed=0), v, CDOptions(epochs=2, batch=10), seed=0); t.run(1, progress=False)
    state, before = t.state_dict(), t.state_dict()
    for key, bad in [('epoch', '1'), ('step', None), ('history', 'x'), ('generator', [1, 2]), ('options', 'x')]:
        fresh = RBMTrainer(D.RBM(6, 4, seed=1), v, CDOptions(epochs=2, batch=10), seed=1)
        fails(lambda: fresh.load_state_dict({**state, key: bad}), contains=f'RBMTrainer state is damaged: {key} missing or of the wrong type')
        assert fresh.epoch == 0 and not torch.equal(fresh.rbm.W, t.rbm.W) # refused before anything loaded
    assert RBMTrainer(D.RBM(6, 4, seed=1), v, CDOptions(epochs=2, batch=10), seed=1).load_state_dict(before).epoch == 1 # the whole state still loads


def _bits(n, d, seed=0): return (torch.rand(n, d, generator=torch.Generator().manual_seed(seed)) < 0.5).float()


def test_missing_or_non_numeric_labels_are_named():
    from dbn_book.core import check_labels
    fails(lambda: check_labels(None, 3), contains='labels are missing: pass one class index per row')
    fails(lambda: check_labels('3', 3), contains="labels must be integer class indices, got str")


def test_hidden_states_out_of_range_get_no_advice_about_grey_images():
    r = D.RBM(6, 4, seed=0)
    fails(lambda: r.v_mean(torch.full((2, 4), 3.)), contains='h must hold binary values or probabilities in [0, 1], got values in [3, 3]')
    try: r.v_mean(torch.full((2, 4), 3.))
    except ValueError as e: assert 'binarize' not in str(e)
    fails(lambda: r.p_h(torch.full((2, 6), 3.)), contains='binarize grey images first') # the visible layer keeps its advice


def test_empty_rows_are_refused_where_a_mean_over_rows_is_taken():
    from dbn_book.cd import reconstruction_error, rbm_monitors
    from dbn_book.finetune import MLP, evaluate, finetune
    from dbn_book.updown import up_down_step
    r, none = D.RBM(6, 4, seed=0), torch.zeros(0, 6)
    fails(lambda: reconstruction_error(r, none), contains='v has no rows')
    fails(lambda: rbm_monitors(r, none), contains='need rows')
    fails(lambda: rbm_monitors(r, _bits(5, 6), none), contains='need rows')
    fails(lambda: evaluate(MLP([6, 4], 3), none, torch.zeros(0, dtype=torch.long)), contains='v is empty: its error would be NaN')
    fails(lambda: finetune(MLP([6, 4], 3), none, torch.zeros(0, dtype=torch.long), epochs=1, progress=False), contains='v_train is empty')
    fails(lambda: up_down_step(D.DBN([6, 4, 3], seed=0).untie(), none), contains='v has no rows')


def test_up_down_step_checks_its_arguments_before_changing_the_weights():
    from dbn_book.updown import up_down_step
    d, v = D.DBN([6, 4, 3], seed=0).untie(), _bits(5, 6)
    before = [p.clone() for p in d.parameters()]
    for kwargs, msg in [(dict(v=torch.zeros(5, 7)), 'must have shape (batch, 6)'), (dict(v=v * 7), 'in [0, 1]'),
                        (dict(v=v, lr=-1.), 'lr must be a number in [0, inf)'), (dict(v=v, k=0), 'k (Gibbs steps) must be an integer >= 1')]:
        fails(lambda: up_down_step(d, **kwargs), contains=msg)
    assert all(torch.equal(a, b) for a, b in zip(before, d.parameters()))
    up_down_step(d, v, lr=0.) # the last step of a linear decay may have rate 0: accepted, and it moves nothing
    assert all(torch.equal(a, b) for a, b in zip(before, d.parameters()))


def test_the_down_pass_and_the_top_input_refuse_what_they_cannot_use():
    d = D.DBN([6, 4, 3], seed=0)
    fails(lambda: d.down(torch.full((2, 4), 5.)), contains='h must hold binary values or probabilities in [0, 1], got values in [5, 5]')
    fails(lambda: d.down(torch.full((2, 4), float('nan'))), contains='h must hold binary values')
    fails(lambda: d.top_input(torch.zeros(2, 4), torch.zeros(2, dtype=torch.long)), contains='this DBN has no label units: leave y out')
    assert d.down(torch.ones(2, 4)).shape == (2, 6)


def test_options_that_would_go_unused_or_unchecked_are_refused():
    from dbn_book.core import lr_factor
    from dbn_book.ais import log_partition
    fails(lambda: D.train_rbm(D.RBM(6, 4, seed=0), _bits(20, 6), epochs=1, lr_var=0.5, progress=False),
          contains='lr_var: options of a model that learns variances; a RBM has none')
    fails(lambda: D.train_rbm(D.RBM(6, 4, seed=0), _bits(20, 6), epochs=1, min_var=0.5, progress=False), contains='min_var: options of')
    assert len(D.train_rbm(GaussianRBM(6, 4, seed=0), torch.randn(20, 6), epochs=1, lr=1e-3, lr_var=1e-4, progress=False)) == 1
    fails(lambda: lr_factor('exp', 0.5), contains="schedule must be one of ('constant', 'linear', 'cosine'), got 'exp'")
    fails(lambda: log_partition(D.RBM(6, 4, seed=0), n_chainz=3), contains='log_partition got n_chainz, which AIS does not take; its options: n_chains')


def test_a_model_with_nan_parameters_has_no_ais_estimate():
    r = D.RBM(6, 4, seed=0)
    with torch.no_grad(): r.W[0, 0] = float('nan')
    fails(lambda: D.ais_log_partition(r, n_chains=4, betas=linear_betas(3)), contains='NaN or infinite values: it has no log Z')


def test_checkpoints_refuse_a_classifier_of_other_inputs_and_nan_weights(tmp_path):
    from dbn_book.finetune import MLP, save_checkpoint, load_checkpoint
    fails(lambda: save_checkpoint(tmp_path / 'a.pt', D.DBN([6, 4, 3], seed=0), mlp=MLP([10, 3], 3)),
          contains='the MLP takes 10 inputs but the DBN models 6 visible units')
    assert not (tmp_path / 'a.pt').exists()
    mlp = MLP([6, 4, 3], 3, seed=0)
    with torch.no_grad(): mlp.out.weight[0, 0] = float('nan')
    save_checkpoint(tmp_path / 'b.pt', D.DBN([6, 4, 3], seed=0), mlp=mlp)
    fails(lambda: load_checkpoint(tmp_path / 'b.pt'), contains="the MLP's weights hold NaN or infinite values")


def test_a_trainer_state_with_an_impossible_epoch_or_missing_parts_loads_nothing():
    v = _bits(40, 6)
    t = RBMTrainer(D.RBM(6, 4, seed=0), v, CDOptions(epochs=2, batch=10), seed=0); t.run(1, progress=False)
    state = t.state_dict()
    for bad, msg in [({'epoch': 3}, 'RBMTrainer state is damaged: epoch 3 of 2'), ({'epoch': -1}, 'epoch -1 of 2'),
                     ({'velocity': []}, 'does not fit this trainer')]:
        fresh = RBMTrainer(D.RBM(6, 4, seed=1), v, CDOptions(epochs=2, batch=10), seed=1)
        fails(lambda: fresh.load_state_dict({**state, **bad}), contains=msg)
        assert fresh.epoch == 0 and not torch.equal(fresh.rbm.W, t.rbm.W)
    dt = D.DBNTrainer(D.DBN([6, 4, 3], seed=0), v, options=D.DBNOptions(CDOptions(epochs=1, batch=10)), seed=0)
    dt.run(1, progress=False)
    fresh = D.DBNTrainer(D.DBN([6, 4, 3], seed=1), v, options=D.DBNOptions(CDOptions(epochs=1, batch=10)), seed=1)
    fails(lambda: fresh.load_state_dict({**dt.state_dict(), 'layer': 7}), contains='does not fit this trainer')
    assert fresh.epoch == 0


def test_sklearn_names_what_it_cannot_convert_and_the_pretraining_rate():
    from dbn_book.sklearn import DBNClassifier, rbm_from_sklearn
    X, y = _bits(40, 6).numpy(), np.arange(40) % 2
    c = DBNClassifier(hidden_layer_sizes=(4,), epochs=1, pretrain_epochs=1, random_state=0).fit(X, y)
    fails(lambda: rbm_from_sklearn(c), contains="takes a BernoulliRBM or an RBMTransformer, got DBNClassifier; its DBN's RBMs are est.dbn_.rbms")
    fails(lambda: DBNClassifier(pretrain_learning_rate=1e5, epochs=1, pretrain_epochs=1).fit(X, y),
          contains='pretrain_learning_rate=100000 is too large for pretraining, whose weight decay is 0.0002')


def test_dbn_sample_reads_a_checkpoint_whose_training_record_is_not_a_dict(tmp_path):
    from dbn_book.finetune import save_checkpoint
    from dbn_book.cli import sample_main
    save_checkpoint(tmp_path / 'm.pt', D.DBN([784, 8, 6], n_labels=10, seed=0), training='x')
    sample_main([str(tmp_path / 'm.pt'), '--k', '1', '--n', '10', '--out', str(tmp_path / 's.png'), '--device', 'cpu'])
    assert (tmp_path / 's.png').stat().st_size > 0


def test_figures_and_estimates_refuse_empty_or_undefined_input():
    from dbn_book.ais import ais_estimate
    fails(lambda: show_digits(torch.zeros(0, 784)), contains='show_digits got no images (0 rows)')
    fails(lambda: show_digits(torch.zeros(3, 784), nrow=0), contains='nrow must be an integer >= 1')
    assert ais_estimate(np.array([0., 1., 2.]), 0.).log_z == ais_estimate(torch.tensor([0., 1., 2.]), 0.).log_z # numpy's log weights too
    fails(lambda: ais_estimate(torch.tensor([float('nan'), 0.]), 0.), contains='log_w holds NaN')
    fails(lambda: ais_estimate(torch.tensor([1., 0.]), 'a'), contains='log_z_base must be a number')
    from dbn_book.finetune import save_checkpoint
    fails(lambda: save_checkpoint('unused.pt', D.DBN([6, 4, 3], seed=0), config=[1, 2]), contains='config must be of type dict or NoneType, got list')


def test_the_mlp_names_its_input_shape_and_type():
    from dbn_book.finetune import MLP
    mlp = MLP([6, 4], 3, seed=0)
    fails(lambda: mlp(torch.zeros(2, 5)), contains='v must have shape (batch, 6) for 6 input units, got (2, 5)')
    fails(lambda: mlp(np.zeros((2, 6), np.float32)), contains='v must be a torch.Tensor, got ndarray; convert it with torch.as_tensor')
    assert mlp(torch.zeros(2, 6)).shape == (2, 3)


def test_chains_need_at_least_one_start():
    from dbn_book.cd import sample_chains
    from dbn_book.langevin import gibbs_langevin_chain
    fails(lambda: sample_chains(D.RBM(6, 4, seed=0), steps=(1,), v_start=torch.zeros(0, 6)), contains='v_start has no rows')
    fails(lambda: gibbs_langevin_chain(GaussianRBM(6, 4, seed=0), torch.zeros(0, 6), 1), contains='v has no rows')


def test_a_chain_takes_at_least_one_gibbs_step():
    "k = 0 would return no E[v | h] at all; gibbs_chain, unchecked in v for speed, still checks k."
    for model in (D.RBM(6, 4, seed=0), GaussianRBM(6, 4, seed=0)):
        for bad in (0, -1, 1.5, True):
            fails(lambda: model.gibbs_chain(torch.zeros(2, 6), bad), contains='k (Gibbs steps) must be an integer >= 1')
        assert model.gibbs_chain(torch.zeros(2, 6), 2, torch.Generator().manual_seed(0)).v_mean.shape == (2, 6)


def test_cd_and_its_trainer_refuse_bad_rows_before_any_update():
    "Moved from chapter 2's hidden checks, unchanged."
    from dbn_book.cd import cd_grad, pcd_grad, exact_grad
    r, v30 = D.RBM(30, 12, seed=0), D.bernoulli(torch.full((50, 30), 0.3), torch.Generator().manual_seed(5))
    fails(lambda: D.train_rbm(r, v30[:, :29], progress=False), contains='shape (batch, 30)')
    fails(lambda: D.train_rbm(r, v30 * 3, progress=False), contains='in [0, 1]')
    fails(lambda: D.train_rbm(r, v30, v_valid=v30[:0], progress=False), contains='v_valid is empty')
    fails(lambda: cd_grad(r, v30, k=0), contains='k (Gibbs steps)')
    fails(lambda: pcd_grad(r, v30, v30[:, :5]), contains='chains must have shape')
    fails(lambda: cd_grad(r, v30[:0]), contains='v has no rows')
    fails(lambda: pcd_grad(r, v30, v30[:0]), contains='chains has no rows')
    fails(lambda: exact_grad(r, v30[:0]), contains='v has no rows')
    fails(lambda: exact_grad(D.RBM(40, 30), torch.zeros(2, 40)), contains='Use cd_grad or pcd_grad')
    fails(lambda: D.train_rbm(r, v30, progress=False, seed=1, generator=torch.Generator()), contains='not both')
    assert cd_grad(r, v30.double())[0].dtype == torch.float32 # float64 data is converted, not a late dtype error
    assert torch.equal(r.W, D.RBM(30, 12, seed=0).W) # nothing trained


def test_the_trainer_asks_the_model_for_its_rates_constraints_and_monitors():
    "A binary RBM: one rate, no constraint, no extra monitor; a Gaussian one: z at lr_var / lr of the rate, the floor, its variances."
    o = CDOptions(lr=0.1, lr_var=0.02, min_var=0.5)
    r, g = D.RBM(6, 4, seed=0), GaussianRBM(6, 4, seed=0)
    assert r.step_rates(0.1, o) == (0.1,) * 3 and r.extra_monitors() == {} and r.own_options == ()
    assert g.step_rates(0.1, o) == (0.1, 0.1, 0.1, 0.1 * 0.02 / 0.1) and g.own_options == ('lr_var', 'min_var')
    with torch.no_grad(): g.z.fill_(-5.)
    g.constrain_(o); assert torch.allclose(g.var, torch.full((6,), 0.5))
    g.constrain_(CDOptions(min_var=None)); assert torch.allclose(g.var, torch.full((6,), 0.5)) # no floor: unchanged
    with torch.no_grad(): g.z.fill_(-5.) # below any floor a default could set
    g.constrain_(CDOptions(min_var=None)); assert torch.allclose(g.var, torch.full((6,), math.exp(-5))) # not raised to the default 0.01
    assert set(g.extra_monitors()) == {'var_min', 'var_median'}
    h = D.train_rbm(g, torch.randn(40, 6), epochs=1, lr=1e-3, lr_var=1e-4, min_var=0.5, progress=False, seed=0)
    assert h[0]['var_min'] >= 0.5 - 1e-6 # the floor held through training


def test_patches_and_filter_masks_take_what_a_user_passes():
    from dbn_book.data import image_patches
    fails(lambda: image_patches([]), contains='images must be a non-empty list of 2-D grey images')
    fails(lambda: image_patches([torch.zeros(3, 20, 20)]), contains='images must be a non-empty list of 2-D grey images')
    assert image_patches([torch.rand(20, 20)], size=4, n=5, generator=torch.Generator().manual_seed(0)).shape == (5, 16)
    W = D.RBM(6, 4, seed=0).W
    assert torch.equal(filter_images(W, 3, keep=[True] * 6), filter_images(W, 3, keep=torch.ones(6, dtype=torch.bool))) # a list as a mask


def test_a_seed_given_as_the_generator_is_named_by_every_sampler():
    r, dbn, g = D.RBM(6, 4, seed=0), D.DBN([6, 4, 3], n_labels=2, seed=0), GaussianRBM(3, 2, seed=0)
    v = (torch.rand(2, 6, generator=torch.Generator().manual_seed(0)) < 0.5).float()
    calls = [lambda s: r.gibbs(v, 1, generator=s), lambda s: r.sample_h(v, s), lambda s: r.sample_v(torch.zeros(2, 4), s),
             lambda s: D.cd_grad(r, v, generator=s), lambda s: D.pcd_grad(r, v, v, generator=s), lambda s: D.sample_chains(r, 2, generator=s),
             lambda s: dbn.up(v, sample=True, generator=s), lambda s: dbn.down(torch.zeros(2, 4), generator=s),
             lambda s: dbn.sample(2, k=1, generator=s), lambda s: D.label_marginal(dbn, 2, 2, 2, generator=s),
             lambda s: D.binarize(torch.rand(2, 3), generator=s), lambda s: D.dequantize(torch.zeros(2, 3, dtype=torch.uint8), generator=s),
             lambda s: D.gibbs_langevin_chain(g, torch.zeros(2, 3), 1, generator=s),
             lambda s: D.raise_log_likelihood(r, v, betas=linear_betas(3), generator=s),
             lambda s: D.dbn_log_likelihood_bound(dbn, v, 0., n_samples=2, generator=s),
             lambda s: image_patches([np.zeros((8, 8))], size=4, n=2, generator=s),
             lambda s: D.updown.up_down_step(D.DBN([6, 4, 3], seed=0).untie(), v, lr=0.01, generator=s)]
    for call in calls:
        fails(lambda: call(7), contains='generator must be a torch.Generator, got int; make one with torch.Generator(device).manual_seed(7)')
        call(torch.Generator().manual_seed(7)) # a generator works
    fails(lambda: D.binarize(torch.rand(2, 3), generator=0), contains='manual_seed(0)') # 0 was taken as no generator before


def test_rows_follow_the_model_to_its_device():
    "A model trained on another device (train_rbm moves it) takes rows from the CPU: they are moved, not refused by torch. 'meta' stands in for a GPU."
    v = torch.ones(2, 4)
    assert D.RBM(4, 3).to('meta').p_h(v).device.type == 'meta'
    assert GaussianRBM(4, 3).to('meta').free_energy(v).device.type == 'meta'
    assert D.DBN([4, 3, 2], n_labels=0).to('meta').up(v).device.type == 'meta'


def test_a_one_rbm_dbn_returns_probabilities_when_asked():
    d = D.DBN([20, 8], n_labels=0, seed=0)
    for p in d.rbms[0].parameters(): p.data.normal_(0, 1, generator=torch.Generator().manual_seed(1))
    draw = lambda mean: d.sample(50, k=5, mean=mean, generator=torch.Generator().manual_seed(0))
    p, x = draw(True), draw(False)
    assert ((p > 0) & (p < 1)).all() and set(x.unique().tolist()) <= {0., 1.} # the top RBM's P(v | h), and a draw from it
    assert torch.allclose(p.mean(), x.mean(), atol=0.05)


def test_models_in_float64_and_with_gradients_train_and_keep_their_dtype(tmp_path):
    D.train_rbm(GaussianRBM(20, 8).requires_grad_(True), torch.randn(50, 20), epochs=1, lr=1e-3, progress=False, device='cpu') # the variance floor acts outside autograd
    mlp, v, y = D.MLP([20, 8], 3, seed=0).double(), torch.rand(30, 20), torch.randint(3, (30,))
    assert mlp(v.bool()).dtype == torch.float64
    assert len(D.evaluate(mlp, v, y)['wrong']) == (mlp.eval()(v.double()).argmax(1) != y).sum().item() # evaluate casts as the MLP does
    D.finetune(mlp, v, y, epochs=1, progress=False, device='cpu')
    D.save_checkpoint(tmp_path / 'c.pt', D.DBN([20, 8, 5], seed=0).double(), mlp)
    assert all(next(m.parameters()).dtype == torch.float64 for m in D.load_checkpoint(tmp_path / 'c.pt')[:2])


def test_a_standardiser_refuses_raw_pixels_and_nan():
    xq = torch.randint(0, 256, (100, 5), dtype=torch.uint8)
    s = D.fit_standardizer(D.dequantize(xq, torch.Generator().manual_seed(0)))
    fails(lambda: s(xq), contains='uint8 pixels')
    fails(lambda: s(torch.full((1, 5), float('nan'))), contains='NaN or infinite')


def test_a_trainer_state_refuses_other_training_rows():
    v = (torch.rand(300, 20, generator=torch.Generator().manual_seed(0)) > 0.5).float()
    t = RBMTrainer(D.RBM(20, 8, seed=0), v, CDOptions(epochs=2), seed=0, device='cpu'); t.run(1, progress=False)
    fails(lambda: RBMTrainer(D.RBM(20, 8, seed=0), v[:7], CDOptions(epochs=2), seed=0, device='cpu').load_state_dict(t.state_dict()),
          contains='made with 3 mini-batches an epoch, this trainer has 1')


def test_the_up_pass_checks_its_rows_even_through_no_layer():
    d = D.DBN([4, 3, 2], n_labels=0, seed=0)
    fails(lambda: d.up(torch.ones(4), n_layers=0), contains='for a single example use v[None]')
    assert d.up(torch.ones(2, 4, dtype=torch.float64), n_layers=0).dtype == torch.float32 # in the model's dtype


def test_a_local_mnist_folder_may_hold_decompressed_files(tmp_path, monkeypatch):
    "load_mnist reads the four files with or without .gz; local_mnist_folder, which finds the folder, accepts both too."
    from dbn_book.data import local_mnist_folder
    monkeypatch.chdir(tmp_path)
    for name in ('gz', 'plain', 'empty'): (tmp_path / name).mkdir()
    (tmp_path / 'gz' / 'train-images-idx3-ubyte.gz').write_bytes(b'')
    (tmp_path / 'plain' / 'train-images-idx3-ubyte').write_bytes(b'')
    for name, found in (('gz', True), ('plain', True), ('empty', False)):
        monkeypatch.setenv('DBN_BOOK_DATA', str(tmp_path / name))
        assert (local_mnist_folder() == tmp_path / name) is found


def test_a_callback_that_is_not_a_function_is_refused_before_any_epoch():
    "Found after the first epoch, it would leave the model trained by one epoch and the record lost."
    v, y = (torch.rand(20, 6, generator=torch.Generator().manual_seed(0)) < .5).float(), torch.arange(20) % 3
    m = D.MLP([6, 4], 3, seed=0); before = [p.clone() for p in m.parameters()]
    fails(lambda: D.finetune(m, v, y, epochs=3, callback=3, progress=False), contains='callback must be a function or None, got int')
    assert all(torch.equal(a, b) for a, b in zip(before, m.parameters()))
    r = D.RBM(6, 4, seed=0); W = r.W.clone()
    fails(lambda: D.train_rbm(r, v, epochs=2, callback='x', progress=False), contains='callback must be a function')
    fails(lambda: RBMTrainer(r, v, CDOptions(epochs=2), seed=0).run(progress=False, stop=True), contains='stop must be a function')
    assert torch.equal(W, r.W)


def test_a_gaussian_rbm_whose_variances_overflow_has_diverged():
    "Unstandardised data drive z to thousands: finite parameters, infinite variances exp(z). That is a divergence, undone."
    g = GaussianRBM(3, 2, seed=0); before = {k: v.clone() for k, v in g.state_dict().items()}
    x = torch.randn(20, 3, generator=torch.Generator().manual_seed(0)) * 1e4
    fails(lambda: D.train_rbm(g, x, epochs=1, lr=1e-3, progress=False, seed=0), contains="finite, but not what they imply")
    assert all(torch.equal(v, g.state_dict()[k]) for k, v in before.items()) and bool(g.var.isfinite().all())


def test_ais_estimate_refuses_weights_that_overflowed_and_negative_steps():
    for log_w in ([float('inf'), 0.], [-float('inf')] * 3):
        fails(lambda: ais_estimate(torch.tensor(log_w), 0.), contains='log_w holds NaN or +inf, or is -inf throughout')
    fails(lambda: ais_estimate(torch.tensor([0., 1.]), 0., n_steps=-1), contains='n_steps must be an integer >= 0')
    assert ais_estimate(torch.tensor([0., -float('inf'), 1.]), 0.).log_z > 0 # one chain of weight 0 is still an estimate


def test_what_is_not_a_dbn_label_or_base_model_is_named():
    from dbn_book.sampling import label_marginal
    fails(lambda: label_marginal(D.RBM(6, 4, seed=0)), contains='dbn must be of type DBN, got RBM')
    fails(lambda: D.match_label_prior(D.RBM(6, 4, seed=0), torch.tensor([0, 1])), contains='dbn must be of type DBN, got RBM')
    fails(lambda: D.DBN([6, 4, 3], n_labels=3, seed=0).sample(2, k=1, labels='1'), contains="labels must be a class or one class per sample, got str '1'")
    fails(lambda: D.log_partition(D.RBM(6, 4, seed=0), 'ais', n_chains=3, betas=[0, 1], base='x'), contains='base must be of type RBMBase, got str')
    base = D.RBM(6, 4, init_std=0); base.b.data.fill_(float('nan'))
    fails(lambda: D.log_partition(D.RBM(6, 4, seed=0), 'ais', n_chains=3, betas=[0, 1], base=base), contains="the base model's parameters hold NaN")


def test_a_model_with_nan_weights_is_refused_where_it_would_answer_nan_or_blank():
    "A diverged model's NaN gave NaN bounds, blank samples and an MLP that cannot train, silently; each now says so, as AIS does."
    nan_dbn = lambda: D.DBN([6, 4, 3], n_labels=2, seed=0)
    d = nan_dbn(); d.rbms[0].W.data.fill_(float('nan'))
    fails(lambda: D.dbn_log_likelihood_bound(d, (torch.rand(3, 6) < .5).float(), 0.), contains="the DBN's parameters hold NaN or infinite values")
    fails(lambda: D.mlp_from_dbn(d, 3), contains="the DBN's parameters hold NaN")
    d = nan_dbn(); d.top.W.data.fill_(float('inf'))
    fails(lambda: d.sample(2, k=1), contains="the DBN's parameters hold NaN or infinite values")
    g = GaussianRBM(3, 2, seed=0); g.W.data[0, 0] = float('nan')
    fails(lambda: D.gibbs_langevin_chain(g, torch.randn(2, 3), 1), contains="the Gaussian RBM's parameters hold NaN")
    assert nan_dbn().sample(2, k=1).shape == (2, 6) # a finite one samples as before


def test_rbms_of_different_dtype_or_device_do_not_stack():
    "They used to stack, then fail in the first matrix product of sampling or the up-pass."
    fails(lambda: D.DBN.from_rbms([D.RBM(6, 4, seed=0), D.RBM(4, 3, seed=0).double()]), contains='the RBMs differ in dtype or device')
    assert D.DBN.from_rbms([D.RBM(6, 4, seed=0).double(), D.RBM(4, 3, seed=0).double()]).up(torch.zeros(2, 6, dtype=torch.float64)).dtype == torch.float64


def test_the_widgets_name_what_they_cannot_draw():
    "Each was silent (a black frame, overlapping images, a slider over a string's letters) or an error from numpy or PIL."
    from dbn_book.widgets import to_uint8, image_grid, slider, interactive, png_data_uri
    x, frame = np.ones((4, 2, 2)), np.zeros((2, 2))
    fails(lambda: to_uint8(np.array([[0., 5.]]), vmin=float('nan'), vmax=1), contains='vmin must be a number')
    for bad in (np.array([[1j, 0]]), np.zeros((0, 5))): fails(lambda: to_uint8(bad), contains='a frame must hold real pixel values')
    fails(lambda: image_grid(x, pad=-1), contains='pad must be an integer >= 0')
    for ncol in (0, 2.5, True): fails(lambda: image_grid(x, ncol=ncol), contains='ncol must be an integer >= 1')
    fails(lambda: image_grid(np.zeros((4, 784)), shape=(28, 27)), contains='shape (28, 27) does not fit images of shape (784,)')
    fails(lambda: slider([frame] * 2, ['a', 'b'], start=1.5), contains='start must be an integer >= 0')
    fails(lambda: slider([frame] * 2, ['a', 'b'], width='abc'), contains='width must be an integer >= 1')
    for values in (3, 'abc'): fails(lambda: interactive(lambda v: frame, values), contains='interactive takes a list of values')
    fails(lambda: interactive(5, [1, 2]), contains="interactive's fn must be a function")
    fails(lambda: interactive(lambda v: frame, [1], live='no'), contains='live must be of type bool')
    fails(lambda: png_data_uri(np.zeros((2, 2))), contains='png_data_uri takes uint8 images')
    assert image_grid(np.zeros((4, 784)), shape=(28, 28), ncol=2).shape == (57, 57) # what they take still works


def test_a_gaussian_rbm_refuses_variances_float32_cannot_hold_and_a_checkpoint_path_must_be_a_path():
    for var in (1e300, 1e-50): fails(lambda: GaussianRBM(3, 2, var=var), contains='var must be a number in (1e-30, 1e+30)')
    fails(lambda: GaussianRBM(3, 2, v_data=torch.tensor([[1e30, 0, 0], [-1e30, 1, 1]])), contains="v_data's variances overflow in torch.float32")
    fails(lambda: D.load_checkpoint(5), contains='path must be of type')


def test_the_probes_leftovers_are_refused_or_drawn_right():
    "A flag given as a string was taken as true; a negative max_units said 'limited to 2^-1'; a numpy log Z was refused; integer images lost their padding."
    from dbn_book.widgets import image_grid
    from dbn_book.langevin import gibbs_langevin_chain
    dbn, g = D.DBN([6, 4, 3], seed=0), GaussianRBM(3, 4, seed=0)
    fails(lambda: dbn.sample(2, k=1, mean='no'), contains='mean must be of type bool')
    fails(lambda: dbn.down(torch.zeros(2, 4), mean='no'), contains='mean must be of type bool')
    fails(lambda: gibbs_langevin_chain(g, torch.zeros(2, 3), 1, mh='no'), contains='mh must be of type bool')
    for model in (D.RBM(6, 4, seed=0), g): fails(lambda: model.model_expectations(max_units=-1), contains='max_units must be an integer >= 0')
    v = torch.zeros(2, 6)
    bound = lambda log_z: D.dbn_log_likelihood_bound(dbn, v, log_z, generator=torch.Generator().manual_seed(0))
    assert torch.equal(bound(np.array(1.5)), bound(1.5)) # a 0-d numpy array is a number
    fails(lambda: D.dbn_log_likelihood_bound(dbn, v, np.array([1.0, 2.0])), contains='log_z_top must be a number')
    assert image_grid(np.ones((4, 2, 2), np.int64))[0, 2] == 0.5 # the padding, not truncated to 0 like the images' values
    assert image_grid(np.ones((4, 2, 2), np.uint8))[0, 2] == 128 # a fraction of 255, as before
    fails(lambda: image_grid(np.ones((4, 2, 2), np.uint8), pad_value=2), contains='pad_value must lie in [0, 1]')


def test_the_second_probes_data_and_checkpoint_findings(tmp_path, monkeypatch):
    "A read-only checkpoint was replaced; a long file name failed on the temporary name; half-precision rows gave a map that no call could use; a negative band drew patches from outside it; a seed or path of the wrong type reached torch or pathlib."
    import os
    from dbn_book.data import fit_standardizer, image_patches, mnist_tensors
    keep = tmp_path / 'keep.pt'; D.DBN([6, 4, 3], seed=0).save(keep); before = keep.read_bytes()
    os.chmod(keep, 0o444)
    if os.access(keep, os.W_OK): # root may write any file: make os.access answer as for another user
        access = os.access; monkeypatch.setattr(os, 'access', lambda p, mode: False if Path(p) == keep and mode == os.W_OK else access(p, mode))
    fails(lambda: D.DBN([6, 4, 3], seed=1).save(keep), contains='it is read-only, and is kept')
    assert keep.read_bytes() == before
    monkeypatch.undo()
    long = tmp_path / ('a' * 250 + '.pt'); D.DBN([6, 4, 3], seed=0).save(long); assert long.is_file() # a valid name, however long
    fails(lambda: D.DBN([6, 4, 3]).save(5), contains='path must be of type str or Path')
    fails(lambda: D.load_mnist(5), contains='data must be of type str or Path')
    G = lambda seed: torch.Generator().manual_seed(seed)
    x = torch.randn(200, 6, generator=G(0))
    for half in (torch.float16, torch.bfloat16):
        s = fit_standardizer(x.to(half))
        assert s(x).dtype == torch.float32 and torch.allclose(s(x).std(0), torch.ones(6), atol=0.02) # usable, and standardises
    im = torch.arange(800.).reshape(20, 40)
    for band in ((-0.5, 0.5), (0, 2), (0.5,), (float('nan'), 1), 'ab', (0.6, 0.6)):
        fails(lambda: image_patches([im], 4, 5, columns=band), contains='columns must be two numbers 0 <= lo < hi <= 1')
    assert (image_patches([im], 4, 100, columns=(0, .5), generator=G(0))[:, 0] % 40).max() <= 16 # every patch's first column lies in the band
    fails(lambda: mnist_tensors(D.data.MNIST(*(torch.zeros(1, 1, dtype=torch.uint8),) * 4, 'x'), seed='1'), contains='seed must be an integer')


def test_a_file_without_read_permission_is_not_called_corrupt(tmp_path, monkeypatch):
    "The advice was to delete the data file, or to write the checkpoint again: both sound files, only unreadable by this user."
    import os
    from dbn_book.data import MNIST_FILES
    folder = tmp_path / 'mnist'; folder.mkdir()
    for name in MNIST_FILES: (folder / f'{name}.gz').write_bytes(b'') # present; their content is never reached
    ck = tmp_path / 'm.pt'; D.DBN([6, 4, 3], seed=0).save(ck)
    access = os.access
    monkeypatch.setattr(os, 'access', lambda p, mode: False if mode == os.R_OK and Path(p).parent == folder else access(p, mode))
    fails(lambda: D.load_mnist(folder), contains='permission denied; check its permissions')
    def denied(*a, **k): raise PermissionError(13, 'Permission denied')
    monkeypatch.setattr(torch, 'load', denied)
    fails(lambda: D.DBN.load(ck), contains='cannot be read: permission denied; check its permissions')


def test_atomic_write_keeps_links_and_refuses_devices(tmp_path):
    "dbn_train --save /dev/null, run as root, replaced the machine's /dev/null with a checkpoint; a symlinked checkpoint lost its link."
    import os
    os.mkfifo(tmp_path / 'fifo') # a device's stand-in
    fails(lambda: D.DBN([6, 4, 3], seed=0).save(tmp_path / 'fifo'), contains='it is not a regular file (a device, pipe or socket)')
    assert (tmp_path / 'fifo').is_fifo()
    D.DBN([6, 4, 3], seed=0).save(tmp_path / 'target.pt'); os.symlink('target.pt', tmp_path / 'link.pt')
    D.DBN([6, 4, 3], seed=1).save(tmp_path / 'link.pt')
    assert (tmp_path / 'link.pt').is_symlink() and torch.equal(D.DBN.load(tmp_path / 'target.pt').top.W, D.DBN([6, 4, 3], seed=1).top.W)


# The third probe (benchmarks/results/bad_input_probe3_2026-12-06/): each case below passed silently, or failed inside torch, before.

def test_a_checkpoint_key_that_cannot_be_read_back_is_refused_before_the_good_file_is_replaced(tmp_path):
    good = tmp_path / 'good.pt'; D.DBN([6, 4, 3], seed=0).save(good)
    counts = dict(zip(*np.unique(np.array([0, 1, 1, 2]), return_counts=True))) # numpy's int64 keys
    fails(lambda: D.DBN([6, 4, 3], seed=1).save(good, counts=counts), contains="checkpoint['counts'] key np.int64(0) is a int64", exc=TypeError)
    fails(lambda: D.save_checkpoint(good, D.DBN([6, 4, 3], seed=1), config={Path('x.png'): 1}), contains='is a PosixPath', exc=TypeError)
    assert torch.equal(D.DBN.load(good).top.W, D.DBN([6, 4, 3], seed=0).top.W) # the good file, untouched
    nan = D.DBN([6, 4, 3], seed=1)
    with torch.no_grad(): nan.top.W[0, 0] = math.nan
    fails(lambda: nan.save(good), contains="the DBN's parameters hold NaN or infinite values")
    assert torch.equal(D.DBN.load(good).top.W, D.DBN([6, 4, 3], seed=0).top.W)


def test_a_model_already_nan_is_refused_before_it_answers_or_trains():
    dbn = D.DBN([6, 4, 3], n_labels=2, seed=0)
    with torch.no_grad(): dbn.top.W[0, 0] = math.nan
    v, y = _bits(8, 6), torch.tensor([0, 1] * 4)
    for f in (lambda: D.predict_labels(dbn, v), lambda: D.label_marginal(dbn, n=2, steps=2, burn=0), lambda: D.match_label_prior(dbn, y)):
        fails(f, contains="the DBN's parameters hold NaN or infinite values")
    assert torch.isfinite(dbn.top.b).all() # match_label_prior wrote NaN into the label biases
    r = D.RBM(6, 4, seed=0)
    with torch.no_grad(): r.c[0] = math.inf
    fails(lambda: D.train_rbm(r, v, epochs=1, progress=False), contains="the RBM's parameters hold NaN") # not "lower the learning rate", after an epoch
    mlp = D.MLP([6, 4], 2, seed=0)
    with torch.no_grad(): mlp.out.weight[0, 0] = math.nan
    fails(lambda: D.evaluate(mlp, v, y), contains="the MLP's parameters hold NaN")
    fails(lambda: D.finetune(mlp, v, y, epochs=1, progress=False), contains="the MLP's parameters hold NaN")


def test_up_down_step_checks_everything_before_a_weight_moves():
    from dbn_book.updown import up_down_step
    dbn = D.DBN([6, 4, 3], n_labels=2, seed=0).untie()
    v, y, before = _bits(5, 6), torch.tensor([0, 1, 0, 1, 1]), [p.clone() for p in D.DBN([6, 4, 3], n_labels=2, seed=0).untie().parameters()]
    chains = torch.zeros(3, 6); chains[:, 4] = 1
    for kw, msg in ((dict(y=torch.tensor([0, 1, 0, 1, 5])), 'y must lie in 0..1'), (dict(y=None), 'y are missing'), (dict(y=y[:3]), 'y has 3 entries for 5 rows'),
                    (dict(y=y, weight_decay=math.nan), 'weight_decay must be a number'), (dict(y=y, weight_decay=200.), 'lr * weight_decay must be below 1'),
                    (dict(y=y, chains=chains.double()), "of the top RBM's dtype torch.float32"), (dict(y=y, chains=chains[:1].expand(3, 6)), 'not an expanded view'),
                    (dict(y=y, chains=torch.full((3, 6), 7.)), 'chains must hold binary values'), (dict(y=y, chains=chains[:0]), 'n >= 1')):
        fails(lambda: up_down_step(dbn, v, **kw), contains=msg)
    assert all(torch.equal(a, b) for a, b in zip(before, dbn.parameters(), strict=True)) # the generative weights moved before y was checked
    fails(lambda: up_down_step(D.RBM(6, 4), v), contains='dbn must be of type DBN, got RBM', exc=TypeError)
    fails(lambda: up_down_step(D.DBN([6, 4, 3], seed=0).untie(), v, y=y), contains='this DBN has no label units: leave y out')
    assert math.isfinite(up_down_step(dbn, v, y=y, chains=chains)) # good input still trains


def test_a_loaded_state_is_copied_so_the_same_state_continues_the_same_way():
    v = _bits(40, 6)
    def trainer(): return RBMTrainer(D.RBM(6, 4, seed=0), v, CDOptions(epochs=4, batch=10, method='pcd', fast_lr=0.01), seed=0)
    t = trainer(); t.run(2, progress=False); state = t.state_dict()
    chains = state['chains'].clone()
    runs = []
    for _ in range(2):
        u = trainer().load_state_dict(state); u.run(progress=False); runs.append(u.rbm.W.clone())
    assert torch.equal(state['chains'], chains) and torch.equal(runs[0], runs[1]) # the first continuation advanced the state's chains


def test_a_callback_or_stop_that_cannot_take_its_arguments_is_refused_before_an_epoch():
    r = D.RBM(6, 4, seed=0); W0 = r.W.clone()
    fails(lambda: D.train_rbm(r, _bits(20, 6), epochs=1, progress=False, callback=lambda record: None),
          contains="callback is called as callback(trainer, record), which '<lambda>' cannot take", exc=TypeError)
    t = RBMTrainer(r, _bits(20, 6), CDOptions(epochs=1))
    fails(lambda: t.run(progress=False, stop=lambda trainer: True), contains='stop is called as stop()', exc=TypeError)
    assert torch.equal(r.W, W0) and t.epoch == 0
    t.run(progress=False, callback=lambda *a: None, stop=lambda: False); assert t.done # any function that takes them runs


def test_unsigned_and_complex_labels():
    dbn = D.DBN([6, 4, 3], n_labels=3, seed=0)
    y = torch.tensor([0, 2, 1, 2])
    for dt in (torch.uint16, torch.uint32, torch.uint64): assert torch.equal(D.core.check_labels(y.to(dt), 3), y) # "min_all" not implemented
    assert torch.equal(D.core.check_labels(np.array([0, 2, 1, 2], np.uint64), 3), y)
    fails(lambda: D.core.check_labels(y.to(torch.complex64), 3), contains='must be integer class indices, got dtype torch.complex64')
    fails(lambda: dbn.sample(4, k=1, labels=y.to(torch.complex64)), contains='got dtype torch.complex64')


def test_small_functions_that_answered_silently():
    from dbn_book.core import lr_factor
    from dbn_book.cd import rbm_monitors
    for t in (2.0, -0.1, math.nan, '0.5'): fails(lambda: lr_factor('linear', t), contains='t, the fraction of training done, must lie in [0, 1]') # -1: a negative rate
    r, v = D.RBM(6, 4, seed=0), _bits(10, 6)
    for bad in ('16', -1): fails(lambda: rbm_monitors(r, v, exact_units=bad), contains='exact_units must be an integer') # log Z silently left out
    fails(lambda: D.RBM(6, 4, init_std=1e40), contains='init_std must be a number in [0, 1000)') # weights of -inf
    x = torch.rand(5, 6).requires_grad_()
    assert D.RBM(6, 4, v_data=(x > 0.5).float().requires_grad_()).b.grad_fn is None and GaussianRBM(6, 4, v_data=x).z.grad_fn is None
    fails(lambda: GaussianRBM(3, 2, v_data=torch.tensor([[0., 0, 0], [1e-20, 1e-20, 1e-20]])), contains='zero variance, or below 1e-30') # NaN answers
    fails(lambda: D.match_label_prior(D.DBN([6, 4, 3], n_labels=2, seed=0), torch.tensor([], dtype=torch.long)), contains='y is empty')


def test_fine_tuning_refuses_what_cannot_train():
    v, y = _bits(10, 6), torch.tensor([0, 1] * 5)
    fails(lambda: D.FineTuneOptions(lr=0.5, weight_decay=2), contains='lr * weight_decay must be below 1, got 1') # SGD: chance level, silently
    assert D.FineTuneOptions(lr=0.5, weight_decay=2, optimizer='adam').weight_decay == 2 # Adam's decay is not a step of lr * weight_decay
    fails(lambda: D.finetune(D.MLP([6, 4], 2).requires_grad_(False), v, y, epochs=1, progress=False), contains='the MLP has no parameter to train')


def test_a_diverging_layer_of_a_dbn_is_named():
    with pytest.raises(FloatingPointError, match=r'^RBM 2 of 2, 4-3: .*diverged in epoch 1'):
        D.train_dbn(D.DBN([6, 4, 3], seed=0), _bits(40, 6), epochs=[1, 1], lr=[0.1, 1e12], weight_decay=0, batch=10, progress=False)


def test_a_state_of_the_wrong_kind_or_types_is_named():
    v = _bits(40, 6)
    def trainer(**kw): return RBMTrainer(D.RBM(6, 4, seed=0), v, CDOptions(epochs=2, batch=10, **kw), seed=0)
    pcd = trainer(method='pcd').state_dict()
    damaged = {**pcd, 'options': trainer().state_dict()['options'], 'trainer': 'RBMTrainer'} # PCD's chains in a CD trainer's state
    fails(lambda: trainer().load_state_dict(damaged), contains="do not match this trainer's method, centered and fast_lr") # CD ran as PCD
    fails(lambda: trainer(method='pcd').load_state_dict({**pcd, 'chains': None}), contains="do not match") # and PCD as CD
    for k, bad in (('model', 5), ('device', 3), ('n_batches', '4'), ('epoch', True)):
        fails(lambda: trainer(method='pcd').load_state_dict({**pcd, k: bad}), contains=f'state is damaged: {k} missing or of the wrong type')
    fails(lambda: trainer().run(desc=5), contains='desc must be of type str or NoneType, got int', exc=TypeError)
    for k, bad, msg in (('chains', torch.zeros(4, 6), 'chains (4, 6) torch.float32 there, (10, 6) torch.float32 here'), # failed inside the next epoch
                        ('chains', pcd['chains'].long(), 'chains (10, 6) torch.int64 there'), # floating-point ones take the trainer's dtype
                        ('velocity', [torch.zeros(1), *pcd['velocity'][1:]], 'velocity[0] (1,) torch.float32 there, (6, 4)')): # broadcast silently
        fails(lambda: trainer(method='pcd').load_state_dict({**pcd, k: bad}), contains=f'tensors of other shapes or dtypes: {msg}')


def test_numpy_bools_are_named_as_numpy_s():
    fails(lambda: D.DBN([6, 4, 3], seed=0).sample(2, k=1, mean=np.bool_(True)), contains='mean must be of type bool, got numpy.bool', exc=TypeError)
    fails(lambda: D.DBN([6, 4, 3], seed=0).up(_bits(2, 6), sample='no'), contains='sample must be of type bool, got str', exc=TypeError) # it sampled


def test_ais_and_the_mlp_check_their_arguments_first():
    assert ais_estimate([1e308, 1e308 - 1e292], 0.).log_z > 1e307 # a list went through float32: +inf
    r = D.RBM(6, 4, seed=0)
    fails(lambda: ais_log_weights(r, r.base_model(), linear_betas(3), callback=3), contains='callback must be a function or None, got int', exc=TypeError)
    m = D.MLP([6, 4], 3, seed=0).train()
    fails(lambda: m(_bits(2, 6), generator=5), contains='generator must be a torch.Generator, got int', exc=TypeError) # ignored in eval mode, raw in training


def test_a_value_a_rounding_error_above_1_is_shown_as_above_1():
    fails(lambda: D.RBM(3, 2).p_h(torch.tensor([[0., 1., 1 + 1e-12]], dtype=torch.float64)), contains='got values in [0, 1.0000000000010001]') # "[0, 1]"


def test_a_damaged_optimizer_state_is_refused():
    from dbn_book.finetune import FineTuner
    v, y = _bits(20, 6), torch.arange(20) % 3
    def tuner(): return FineTuner(D.MLP([6, 4], 3, seed=0), v, y, D.FineTuneOptions(epochs=3, batch=10), seed=0)
    t = tuner(); t.run(1, progress=False); s = t.state_dict()
    groups = [{**g, 'momentum': 5.0, 'weight_decay': 0.5} for g in s['optimizer']['param_groups']] # trained with these, silently
    fails(lambda: tuner().load_state_dict({**s, 'optimizer': {**s['optimizer'], 'param_groups': groups}}), contains='its optimizer state is damaged: momentum 5.0 there, 0.9 here')
    buffers = {0: {'momentum_buffer': torch.zeros(1)}} # failed inside the next epoch
    fails(lambda: tuner().load_state_dict({**s, 'optimizer': {**s['optimizer'], 'state': buffers}}), contains='a buffer of shape (1,) for a parameter of (4, 6)')
    u = tuner().load_state_dict(s); u.run(progress=False); t.run(progress=False)
    assert torch.equal(u.mlp.out.weight, t.mlp.out.weight) # a sound state still continues exactly


def test_rows_beyond_the_network_s_float32_range_are_named():
    m, y = D.MLP([6, 4], 3, seed=0), torch.tensor([0, 1, 2])
    fails(lambda: D.evaluate(m, torch.full((3, 6), 1e300, dtype=torch.float64), y), contains="v holds values beyond torch.float32's range") # loss nan
    assert D.evaluate(m, _bits(3, 6).double(), y)['n'] == 3 # float64 rows within range are read


def test_load_checkpoint_checks_the_dict_it_is_given(tmp_path):
    dbn = D.DBN([6, 4, 3], seed=0)
    p = D.save_checkpoint(tmp_path / 'c.pt', dbn, D.mlp_from_dbn(dbn, 3)); ck = torch.load(p, weights_only=True)
    fails(lambda: D.load_checkpoint(p, {**ck, 'format': 'dbn_book.checkpoint/1'}), contains='ckpt must be the dict read_checkpoint(path) returns') # loaded
    other = D.MLP([10, 4], 3)
    fails(lambda: D.load_checkpoint(p, {**ck, 'mlp': {**other.config, 'state': other.state_dict()}}), contains='its MLP takes 10 inputs, its DBN models 6') # loaded
    fails(lambda: D.load_checkpoint(p, {**ck, 'mlp': {**ck['mlp'], 'dropout': 1.5}}), contains='(ValueError: dropout must be') # the reason was dropped
    assert D.load_checkpoint(p, ck).mlp.sizes == [6, 4, 3]


def test_top_input_checks_h_and_generative_its_layer():
    d = D.DBN([6, 4, 3], n_labels=2, seed=0)
    fails(lambda: d.top_input(torch.zeros(2, 5), [0, 1]), contains='h must have shape (batch, 4)') # gave (2, 7)
    assert d.top_input(torch.ones(2, 4, dtype=torch.long), [0, 1]).dtype == torch.float32 # was int64
    fails(lambda: D.DBN([6, 4, 3]).top_input('abc'), contains='h must be of type Tensor', exc=TypeError) # returned 'abc'
    for dbn in (D.DBN([6, 4, 3]), D.DBN([6, 4, 3]).untie()): # the top RBM's (W, b), or an IndexError
        fails(lambda: dbn.generative(1), contains='i must be a directed layer, 0..0 for this DBN (the top RBM is undirected)')
    assert dbn.generative(0)[0].shape == (6, 4)


def test_dbn_load_refuses_what_training_calls_diverged(tmp_path):
    p = D.DBN.from_rbms([GaussianRBM(6, 4, seed=0), D.RBM(4, 3, seed=0)]).save(tmp_path / 'g.pt'); ck = torch.load(p, weights_only=True)
    for key, value, msg in (('rbms.0.z', torch.full((6,), 100.), "are finite, but not what they imply ({'var_min'"),
                            ('rbms.1.W', ck['dbn']['rbms.1.W'] * 1e7, 'are huge (largest |parameter|')):
        torch.save({**ck, 'dbn': {**ck['dbn'], key: value}}, p) # variances of inf in float32 drew values of 1e21
        fails(lambda: D.DBN.load(p), contains=msg)


def test_a_dbn_trainer_state_at_an_impossible_layer_is_refused():
    def trainer(): return D.DBNTrainer(D.DBN([6, 4, 3], seed=0), _bits(40, 6), options=D.DBNOptions(layers=CDOptions(epochs=2, batch=10)), seed=0)
    t = trainer(); t.run(3, progress=False); s = t.state_dict()
    fails(lambda: trainer().load_state_dict({**s, 'layer': 2, 'rbm_trainer': None}), contains='layer 2 with 1 code generator states, of a 2-RBM DBN at epoch 3') # IndexError in run
    fails(lambda: trainer().load_state_dict({**s, 'code_rng': []}), contains='layer 1 with 0 code generator states') # the wrong layer's data
    u = trainer().load_state_dict(s); u.run(progress=False); t.run(progress=False); assert torch.equal(u.dbn.top.W, t.dbn.top.W)


def test_per_rbm_values_may_be_arrays():
    h = D.train_dbn(D.DBN([6, 4, 3], seed=0), _bits(40, 6), epochs=np.array([1, 2]), lr=torch.tensor([0.05, 0.1]), batch=10, progress=False)
    assert [len(x) for x in h] == [1, 2] # "epochs must be an integer >= 0, got array([1, 2])"
    fails(lambda: D.DBNOptions.split({'epochs': 1}, D.RBM(6, 4)), contains='dbn must be of type DBN, got RBM', exc=TypeError)


def test_gibbs_chain_checks_shapes_and_dtypes_and_small_helpers_their_arguments():
    from dbn_book.rbm import enumerate_layer
    from dbn_book.dbn import one_hot
    r, v = D.RBM(6, 4, seed=0), _bits(3, 6)
    for bad, msg in ((torch.zeros(2, 6, dtype=torch.long), 'got v ((2, 6), torch.int64)'), (torch.zeros(2, 5), 'got v ((2, 5), torch.float32)'), ([[0.] * 6], 'got v list')):
        fails(lambda: r.gibbs_chain(bad, 1), contains=f"gibbs_chain takes tensors of the model's dtype torch.float32: v of shape (n, 6), p_h (n, 4), clamp (r <= n, m) for the first r chains' last m units; {msg}")
    for kw, msg in ((dict(p_h=torch.zeros(3, 5)), 'p_h ((3, 5)'), (dict(clamp=torch.zeros(4, 2)), 'clamp ((4, 2)'), (dict(clamp=torch.zeros(2)), 'clamp ((2,)')):
        fails(lambda: r.gibbs_chain(v, 1, **kw), contains=msg) # raw errors from inside torch
    fails(lambda: r.gibbs_chain(v, 1, 5), contains='generator must be a torch.Generator', exc=TypeError)
    for rows in (3, 1): # all the chains, or the first r of them: PCD's clamped chains (chapter 4) beside free ones
        held = r.gibbs_chain(v, 2, clamp=torch.ones(rows, 2)).v[:, -2:] == 1
        assert held[:rows].all()
    free = torch.stack([r.gibbs_chain(v, 1, torch.Generator().manual_seed(s), clamp=torch.ones(1, 2)).v[1:, -2:] for s in range(20)])
    assert (free == 0).any() # the rows after the first are drawn, not held
    fails(lambda: r.free_energy64([[0.] * 6]), contains='v must be a torch.Tensor, got list', exc=TypeError) # AttributeError
    fails(lambda: list(enumerate_layer(GaussianRBM(3, 2), 10, 'x', 'y')), contains='rbm must be of type RBM, got GaussianRBM', exc=TypeError)
    for bad in (0, '2', 2.0): fails(lambda: one_hot(torch.tensor([0, 1]), bad), contains='n_labels must be')
    fails(lambda: one_hot(torch.tensor([0, 1]), 2, 'float32'), contains='dtype must be of type dtype', exc=TypeError)
    dbn = D.DBN([6, 4, 3], seed=0)
    assert D.DBN.from_rbms(dbn.rbms).sizes == [6, 4, 3] # its ModuleList was refused as not a list of RBMs


def test_a_model_cast_or_frozen_since_its_trainer_was_built_is_named():
    from dbn_book.ais import linear_betas
    v = _bits(40, 6)
    t = RBMTrainer(D.RBM(6, 4, seed=0), v, CDOptions(epochs=3, batch=10), seed=0); t.run(1, progress=False); t.rbm.double()
    fails(lambda: t.run(1, progress=False), contains='the RBM is now torch.float64 on cpu, but this trainer was built for torch.float32 on cpu') # a matmul's dtype error
    t.rbm.float(); assert len(t.run(progress=False)) == 3 # cast back, it continues
    u = D.UpDownTrainer(D.DBN([6, 4, 3], seed=0), v, options=D.UpDownOptions(epochs=3, batch=10)); u.run(1, progress=False); u.dbn.double()
    fails(lambda: u.run(1, progress=False), contains='the DBN is now torch.float64')
    m = D.MLP([6, 4], 2, seed=0); m.out.requires_grad_(False)
    fails(lambda: D.finetune(m, v, torch.arange(40) % 2, epochs=2, head_epochs=1, progress=False), contains="the MLP's output layer is frozen") # autograd's error
    fails(lambda: D.ais_log_partition(GaussianRBM(3, 2, seed=0), n_chains=3, betas=linear_betas(3), v_data=torch.randn(5, 3) * 1e20),
          contains="v_data's variances overflow in torch.float32") # "the base model's parameters hold NaN": the model is fine


def test_a_named_tuple_is_copied_whole_and_refused_in_a_checkpoint(tmp_path):
    from collections import namedtuple
    from dbn_book.core import cpu_copy
    Best = namedtuple('Best', 'epoch error')
    assert cpu_copy({'b': Best(3, torch.ones(1))})['b'] == Best(3, torch.ones(1)) # was Best(<generator>, ...): a TypeError for two fields
    fails(lambda: D.DBN([6, 4, 3]).save(tmp_path / 'a.pt', best=Best(3, 0.1)), contains="checkpoint['best'] is a Best (a namedtuple): store its ._asdict()")
    assert not (tmp_path / 'a.pt').exists()


def test_dbn_options_split_checks_its_arguments():
    g = D.DBN.from_rbms([GaussianRBM(6, 4, seed=0), D.RBM(4, 3, seed=0)])
    fails(lambda: D.DBNOptions.split({'lr_var': [0.1, 0.2]}, g), contains='lr_var belong to the first RBM alone (its variances): give one value, not one per RBM')
    fails(lambda: D.DBNOptions.split([('epochs', 1)], g), contains='kwargs must be of type dict', exc=TypeError) # AttributeError: 'list' ... 'items'
    o, rest = D.DBNOptions.split({'lr_var': 0.1, 'epochs': [1, 2], 'seed': 3}, g)
    assert (o.layers[0].lr_var, o.layers[1].epochs, rest) == (0.1, 2, {'seed': 3})


def test_chapter_2_s_helpers_check_their_model_seed_and_weights():
    from dbn_book.cd import reconstruction_error, rbm_monitors, rbm_figure
    r, v = D.RBM(6, 4, seed=0), _bits(5, 6)
    for bad in ('a', 1.5): fails(lambda: reconstruction_error(r, v, seed=bad), contains='seed must be an integer', exc=TypeError) # manual_seed's error
    assert reconstruction_error(r, v) == reconstruction_error(r, v, seed=0) # the default seed, as before
    for f in (lambda: reconstruction_error('x', v), lambda: rbm_monitors('x', v), lambda: rbm_figure('x')): # AttributeErrors
        fails(f, contains='must be of type RBMBase, got str', exc=TypeError)
    for W, what in ((torch.zeros(0, 4), 'shape (0, 4)'), (torch.ones(6, 4, dtype=torch.complex64), 'torch.complex64'), (torch.full((6, 4), math.inf), 'finite: False')):
        fails(lambda: filter_images(W), contains='W must be a matrix of finite real values, one column per hidden unit; got shape') # IndexError, zeros, NaN
        fails(lambda: filter_images(W), contains=what)


def test_rbm_figure_names_its_own_options_and_make_generator_the_seed_range():
    from dbn_book.cd import rbm_figure
    r = D.RBM(784, 4, seed=0)
    for name in ('n_filters', 'n_samples', 'steps'): # they were named as sample_chains' n and steps, filter_images' n
        fails(lambda: rbm_figure(r, **{name: 0}), contains=f'{name} must be an integer >= 1, got 0')
    from dbn_book.core import make_generator
    for seed in (2**64, -2**63 - 1): # 'Overflow when unpacking long long'
        fails(lambda: make_generator(seed=seed), contains="seed must lie in [-2^63, 2^64), as torch's generators take it")


def test_options_that_would_be_ignored_or_invert_a_picture_are_refused():
    from dbn_book.widgets import to_uint8
    r, x = D.RBM(6, 4, seed=0), torch.randn(50, 4, generator=torch.Generator().manual_seed(0))
    fails(lambda: D.log_partition(r, 'exact', betas=[0, 1], n_chains=3), contains="n_chains: options of AIS, which method='exact' does not run", exc=TypeError) # dropped
    assert D.log_partition(r, 'exact') == D.log_partition(r, 'auto', betas=[0, 1]) # 'auto' keeps them for the fallback
    fails(lambda: GaussianRBM(4, 3, v_data=x, var=0.5), contains='give var or v_data, not both') # var was checked, then replaced
    assert torch.equal(GaussianRBM(4, 3, seed=0).var, torch.ones(4)) and torch.allclose(GaussianRBM(4, 3, v_data=x).var, x.var(0))
    a = np.linspace(0, 1, 5)[None].repeat(2, 0)
    fails(lambda: to_uint8(a, vmin=1, vmax=0), contains='vmin (1) is above vmax (0), which would invert the frame') # an inverted picture
    fails(lambda: to_uint8(a - 2, vmin=0), contains='vmin (0) is above vmax (-1)') # vmax: the frame's max, as matplotlib's Normalize takes it
    assert to_uint8(a, vmin=0, vmax=1)[0].tolist() == [0, 64, 128, 191, 255]


def test_preprocessing_maps_keep_float64_rows_digits():
    from dbn_book.data import fit_standardizer, fit_zca
    x = torch.randn(500, 3, generator=torch.Generator().manual_seed(0), dtype=torch.float64) + 1e7 # std 1, far from 0
    assert torch.allclose(fit_standardizer(x)(x), (x - x.mean(0)) / x.std(0), atol=1e-9) # was off by 0.5: x rounded to float32 first
    m = fit_zca(x)
    lam, U = torch.linalg.eigh(torch.cov(x.T)); d = lam + 1e-2 * lam.mean()
    assert torch.allclose(m(x).double(), (x - x.mean(0)) @ ((U * d.rsqrt()) @ U.T), atol=1e-5) and m(x).dtype == torch.float32
    x32 = x.float() - 1e7 # float32 rows: the map is computed as before, in float32
    s = fit_standardizer(x32)
    assert torch.equal(s(x32), (x32[:, s.keep] - s.mean) @ s.A) and fit_zca(x32).mean.dtype == torch.float32


def test_a_model_cast_to_another_dtype_continues_through_a_new_trainer():
    "What a trainer advises once its model was cast (build a new trainer, load the old state into it) works both ways: the state's floating-point tensors take the model's dtype. Probe 7's p01: the state was refused for its dtypes."
    v = _bits(40, 6)
    for start, cast in ((torch.float32, 'double'), (torch.float64, 'float')):
        m = D.RBM(6, 4, seed=0).to(start)
        old = RBMTrainer(m, v, CDOptions(epochs=3, batch=10, method='pcd'), seed=0); old.run(1, progress=False)
        getattr(m, cast)()
        fails(lambda: old.run(progress=False), contains='build a new trainer and load_state_dict(old.state_dict())')
        new = RBMTrainer(m, v, CDOptions(epochs=3, batch=10, method='pcd'), seed=0).load_state_dict(old.state_dict())
        new.run(progress=False)
        assert new.epoch == 3 and new.state_dict()['chains'].dtype == m.W.dtype != start and all(p.dtype == m.W.dtype for p in m.parameters())
    d = D.DBN([6, 4, 3], seed=0)
    old = D.DBNTrainer(d, v, options=D.DBNOptions(layers=CDOptions(epochs=2, batch=10, method='pcd')), seed=0); old.run(1, progress=False)
    d.double()
    new = D.DBNTrainer(d, v, options=D.DBNOptions(layers=CDOptions(epochs=2, batch=10, method='pcd')), seed=0).load_state_dict(old.state_dict())
    new.run(progress=False)
    assert new.epoch == 4 and all(p.dtype == torch.float64 for p in d.parameters())
