"""Reproductions of the bad-input findings in report.md. Run one: python repro.py f01_json_overwrites_stopped_checkpoint
Run all: python repro.py  (CLI ones take ~10-20 s each). Each function prints what happens now."""
import os, sys, subprocess, tempfile, warnings, math
import numpy as np, torch
import dbn_book as D

MNIST = '/work/shared/data/mnist'
TINY = ['--n_train', '200', '--dbn_epochs', '1', '--top_epochs', '1', '--mlp_epochs', '1', '--updown_epochs', '0',
        '--sizes', '784', '32', '32', '--data', MNIST, '--device', 'cpu', '--quiet', '--no_label_prior']

def _try(f):
    try: r = f(); print('  returned:', str(r)[:300])
    except Exception as e: print(f'  {type(e).__name__}: {str(e)[:300]}')

def _bits(n, d, seed=0): return (torch.rand(n, d, generator=torch.Generator().manual_seed(seed)) < 0.5).float()

# ---------------- 1. lost work / silent wrong answers ----------------
def f01_json_overwrites_stopped_checkpoint():
    "dbn_train --json PATH replaces a stopped run's checkpoint (which --save refuses to overwrite) with the JSON report."
    from dbn_book.cli import check_train_args, run_training, train_parser
    d = tempfile.mkdtemp(); ck = os.path.join(d, 'run.pt')
    run_training(check_train_args(train_parser().parse_args(TINY + ['--save', ck])), log=lambda *a: None, stop=lambda: True) # a stopped run
    r = subprocess.run(['dbn_train', *TINY, '--json', ck], capture_output=True, text=True)
    print('  dbn_train --json run.pt: rc', r.returncode, '; run.pt now starts with', open(ck, 'rb').read(12))
    r = subprocess.run(['dbn_train', '--resume', ck], capture_output=True, text=True)
    print('  resume:', r.stderr.strip()[-200:])

def f02_noncallable_callback_after_an_epoch():
    "A non-callable callback is found only after a whole epoch has trained the model in place; raw TypeError, history lost."
    v, y = _bits(20, 6), torch.arange(20) % 3
    m = D.MLP([6, 4], 3, seed=0); w0 = m.out.weight.clone()
    _try(lambda: D.finetune(m, v, y, epochs=3, callback=3, progress=False))
    print('  MLP weights changed before the error:', not torch.equal(w0, m.out.weight))
    r = D.RBM(6, 4, seed=0); W0 = r.W.clone()
    _try(lambda: D.train_rbm(r, v, epochs=2, callback='x', progress=False))
    print('  RBM weights changed before the error:', not torch.equal(W0, r.W))
    d = D.DBN([6, 4, 3], seed=0); W0 = d.rbms[0].W.clone()
    _try(lambda: D.train_dbn(d, v, epochs=2, callback=1, progress=False))
    print('  DBN weights changed before the error:', not torch.equal(W0, d.rbms[0].W))

def f03_gaussian_rbm_variances_overflow_silently():
    "Unstandardised data in one mini-batch: z (log-variance) finite but ~4800, so var = exp(z) = inf; no error, no warning."
    from dbn_book.grbm import GaussianRBM
    g = GaussianRBM(3, 2, seed=0)
    x = torch.randn(20, 3, generator=torch.Generator().manual_seed(0)) * 1e4
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        h = D.train_rbm(g, x, epochs=1, lr=1e-3, progress=False, seed=0)
    print('  warnings:', [str(x.message)[:80] for x in w])
    print('  z =', g.z.tolist(), ' var =', g.var.tolist(), ' history var_min =', h[0]['var_min'])
    print('  a sample:', g.gibbs(torch.zeros(1, 3), 1).tolist(), ' log Z =', D.log_partition(g).log_z)
    print('  GaussianRBM(var=1e300).var =', GaussianRBM(3, 2, var=1e300).var.tolist())
    print('  GaussianRBM(var=1e-50).var =', GaussianRBM(3, 2, var=1e-50).var.tolist())
    print('  GaussianRBM(v_data=[[1e30,..],[-1e30,..]]).z =', GaussianRBM(3, 2, v_data=torch.tensor([[1e30, 0, 0], [-1e30, 1, 1]])).z.tolist())

def f04_nan_models_give_silent_results():
    "AIS and dbn_sample refuse NaN parameters; these do not."
    from dbn_book.grbm import GaussianRBM
    v = _bits(3, 6)
    d = D.DBN([6, 4, 3], seed=0); d.rbms[0].W.data.fill_(float('nan'))
    _try(lambda: D.dbn_log_likelihood_bound(d, v, 0.))
    g = GaussianRBM(3, 2, seed=0); g.W.data[0, 0] = float('nan')
    _try(lambda: D.gibbs_langevin_chain(g, torch.randn(2, 3), 1, generator=torch.Generator().manual_seed(0)))
    top = D.RBM(4, 3); top.W.data.fill_(float('nan'))
    _try(lambda: D.DBN.from_rbms([D.RBM(6, 4, seed=0), top]).sample(2, k=1))
    bad = D.RBM(6, 4); bad.W.data.fill_(float('nan'))
    _try(lambda: D.mlp_from_dbn(D.DBN.from_rbms([bad, D.RBM(4, 3)]), 3).hidden[0].weight.isnan().all())

def f05_ais_estimate_infinite_log_weights():
    "ais_estimate refuses NaN log weights but returns log_z = nan for +inf or all -inf ones."
    from dbn_book.ais import ais_estimate
    _try(lambda: ais_estimate(torch.tensor([float('inf'), 0.]), 0.))
    _try(lambda: ais_estimate(torch.tensor([-float('inf')] * 3), 0.))
    _try(lambda: ais_estimate(torch.tensor([0., 1.]), 0., n_steps=-1)) # n_steps unchecked

def f06_sklearn_failed_refit_discards_fitted_model():
    "A refit whose X fails validation (nothing trained yet) leaves the estimator unfitted: the earlier model is gone."
    from dbn_book.sklearn import RBMTransformer, DBNClassifier
    X = (np.random.default_rng(0).random((40, 6)) < .5).astype(float); y = np.arange(40) % 2
    r = RBMTransformer(n_components=3, n_iter=1, random_state=0, device='cpu').fit(X)
    _try(lambda: r.fit(X * 5))
    print('  still fitted after the refused refit:', hasattr(r, 'rbm_'))
    c = DBNClassifier(hidden_layer_sizes=(4,), epochs=1, pretrain_epochs=1, random_state=0, device='cpu').fit(X, y)
    c.set_params(batch_size=0)
    _try(lambda: c.fit(X, y))
    print('  classifier still fitted after the refused refit:', hasattr(c, 'mlp_'))

def f07_widgets_silent_wrong_images():
    from dbn_book.widgets import to_uint8, image_grid
    print('  to_uint8(vmin=nan):', to_uint8(np.array([[0., 5.]]), vmin=float('nan'), vmax=1).tolist(), '(all black)')
    with warnings.catch_warnings(): warnings.simplefilter('ignore'); print('  to_uint8(complex):', to_uint8(np.array([[1j, 0]])).tolist())
    print('  image_grid(four 2x2, pad=-1).shape:', image_grid(np.ones((4, 2, 2)), pad=-1).shape, '(images overlap)')
    print('  image_grid(four 2x2, ncol=0).shape:', image_grid(np.ones((4, 2, 2)), ncol=0).shape, '(0 taken as the default)')
    print('  image_grid(int images, pad_value=0.5) padding:', image_grid(np.ones((4, 2, 2), np.int64))[0, 2], '(0.5 truncated to 0)')

def f08_dbn_rbm_batch_larger_than_data():
    "dbn_rbm --batch 60001 trains on 59,000 images with one update an epoch; dbn_train refuses a batch above its image count."
    d = tempfile.mkdtemp()
    r = subprocess.run(['dbn_rbm', '--data', MNIST, '--device', 'cpu', '--quiet', '--batch', '60001', '--epochs', '1', '--hidden', '8',
                        '--out', os.path.join(d, 'r.png')], capture_output=True, text=True, timeout=120)
    print('  rc', r.returncode, r.stdout.strip().splitlines()[-1:], r.stderr.strip()[-200:])

def f09_truthy_strings_taken_as_true():
    from dbn_book.widgets import interactive
    print('  DBN.sample(mean="no") returns probabilities:', D.DBN([6, 4, 3], seed=0).sample(2, k=1, mean='no').unique().numel() > 2)
    print('  interactive(fn, "abc") frames:', interactive(lambda v: np.zeros((2, 2)), 'abc'))
    os.environ.pop('DBN_BOOK_LIVE', None)
    print('  interactive(live="no") is live:', type(interactive(lambda v: np.zeros((2, 2)), [1], live='no')).__name__)

# ---------------- 2. raw internal errors ----------------
def f10_label_functions_on_non_dbn():
    from dbn_book.sampling import label_marginal, match_label_prior
    _try(lambda: label_marginal(D.RBM(6, 4)))
    _try(lambda: match_label_prior(D.RBM(6, 4), torch.tensor([0, 1])))

def f11_sample_labels_str():
    _try(lambda: D.DBN([6, 4, 3], n_labels=3, seed=0).sample(2, k=1, labels='1'))

def f12_from_rbms_mixed_dtype_or_device():
    _try(lambda: D.DBN.from_rbms([D.RBM(6, 4), D.RBM(4, 3).double()]).sample(2, k=1))
    _try(lambda: D.DBN.from_rbms([D.RBM(6, 4), D.RBM(4, 3).double()]).up(torch.zeros(2, 6), n_layers=2))
    _try(lambda: D.DBN.from_rbms([D.RBM(6, 4), D.RBM(4, 3).to('meta')]).up(torch.zeros(2, 6), n_layers=2))

def f13_log_partition_base_of_wrong_type():
    _try(lambda: D.log_partition(D.RBM(6, 4, seed=0), 'ais', n_chains=3, betas=[0, 1], base='x'))

def f14_widgets_raw_errors():
    from dbn_book.widgets import to_uint8, image_grid, slider, interactive, png_data_uri
    z = np.zeros((4, 2, 2))
    for what, f in [('to_uint8(empty)', lambda: to_uint8(np.zeros((0, 5)))),
                    ('image_grid(ncol=-1)', lambda: image_grid(z, ncol=-1)), ('image_grid(ncol=2.5)', lambda: image_grid(z, ncol=2.5)),
                    ('image_grid(pad=-5)', lambda: image_grid(z, pad=-5)), ('image_grid(pad=1.5)', lambda: image_grid(z, pad=1.5)),
                    ('image_grid(uint8, pad_value=2)', lambda: image_grid(z.astype(np.uint8), pad_value=2.0)),
                    ('image_grid(shape=(28, 27))', lambda: image_grid(np.zeros((4, 784)), shape=(28, 27))),
                    ('slider(start=1.5)', lambda: slider([np.zeros((2, 2))] * 2, ['a', 'b'], start=1.5)),
                    ("slider(width='abc')", lambda: slider([np.zeros((2, 2))] * 2, ['a', 'b'], width='abc')),
                    ('interactive(fn, 3)', lambda: interactive(lambda v: np.zeros((2, 2)), 3)),
                    ('interactive(5, [1, 2])', lambda: interactive(5, [1, 2])),
                    ('png_data_uri(float array)', lambda: png_data_uri(np.zeros((2, 2))))]:
        print(' ', what, end=''); _try(f)

def f15_sklearn_raw_errors():
    from dbn_book.sklearn import RBMTransformer, DBNClassifier
    X = (np.random.default_rng(0).random((40, 6)) < .5).astype(float)
    _try(lambda: RBMTransformer().components_)
    _try(lambda: RBMTransformer(n_components=3, n_iter=1, verbose='yes', device='cpu').fit(X))

def f16_load_checkpoint_path_int():
    _try(lambda: D.load_checkpoint(5))

# ---------------- 3. unclear messages ----------------
def f17_to_uint8_integer_frames_called_float():
    from dbn_book.widgets import to_uint8
    _try(lambda: to_uint8(np.array([[0, 255]])))                  # int64 pixels
    _try(lambda: to_uint8(np.full((2, 2), 1000, np.uint16)))

def f18_base_with_nan_named_log_z_base():
    base = D.RBM(6, 4, init_std=0); base.b.data.fill_(float('nan'))
    _try(lambda: D.log_partition(D.RBM(6, 4, seed=0), 'ais', n_chains=3, betas=[0, 1], base=base))

def f19_partial_fit_after_set_params():
    from dbn_book.sklearn import RBMTransformer
    X = (np.random.default_rng(0).random((40, 6)) < .5).astype(float)
    r = RBMTransformer(n_components=3, n_iter=1, random_state=0, device='cpu'); r.partial_fit(X)
    r.set_params(visible='gaussian'); _try(lambda: r.partial_fit(X * 3 - 1))
    r = RBMTransformer(n_components=3, n_iter=1, random_state=0, device='cpu'); r.partial_fit(X)
    r.set_params(n_components=5); r.partial_fit(X); print('  n_components=5 after set_params, components_.shape:', r.components_.shape)

def f20_small_unclear_messages():
    from dbn_book.grbm import GaussianRBM
    _try(lambda: GaussianRBM(3, 2, seed=0).model_expectations(max_units=-1))
    _try(lambda: D.dbn_log_likelihood_bound(D.DBN([6, 4, 3], seed=0), _bits(2, 6), np.array(1.0))) # a torch 0-d tensor is accepted

def f21_save_json_suffix():
    d = tempfile.mkdtemp(); p = os.path.join(d, 'model.json')
    r = subprocess.run(['dbn_train', *TINY, '--save', p], capture_output=True, text=True)
    print('  rc', r.returncode, '; model.json starts with', open(p, 'rb').read(4))

if __name__ == '__main__':
    names = sys.argv[1:] or sorted(n for n in globals() if n[:1] == 'f' and n[1:3].isdigit())
    for n in names:
        print(f'== {n}: {(globals()[n].__doc__ or "").strip()[:120]}'); globals()[n]()
