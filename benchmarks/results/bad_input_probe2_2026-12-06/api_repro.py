"""Reproductions for findings.md (bad-input probe of dbn_book's data, grbm/langevin, sklearn and checkpoint APIs).

python repro.py            # all
python repro.py f01 f04    # some
Each function prints what happens now; the comment above it says what should happen.
Reads MNIST from /work/shared/data/mnist (copies it; never writes there). Writes under /work/tmp/probe_api/repro_tmp.
The permission cases need a user that file modes apply to: run as root, they fork and drop to uid 65534 (nobody).
"""
import os, shutil, sys, tempfile, warnings
from pathlib import Path
import numpy as np, torch
torch.set_num_threads(1)
import dbn_book as D
from dbn_book.data import load_mnist, fit_standardizer, fit_zca, image_patches, binarize, dequantize, mnist_tensors, parse_idx
from dbn_book.finetune import MLP, save_checkpoint, load_checkpoint

MNIST = Path('/work/shared/data/mnist')
TMP = Path('/work/tmp/probe_api/repro_tmp')

def show(label, fn):
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            r = fn()
        extra = ''.join(f'  [{x.category.__name__}: {str(x.message)[:120]}]' for x in w)
        print(f'  {label}: returns {r!r}'[:400].replace('\n', ' ') + extra)
    except BaseException as e:
        print(f'  {label}: {type(e).__name__}: {str(e)[:400]}')

def fresh(name) -> Path:
    d = TMP / name
    if d.exists(): os.chmod(d, 0o755); shutil.rmtree(d)
    d.mkdir(parents=True)
    os.chmod(TMP, 0o755); os.chmod(d, 0o777)
    return d

def unprivileged(fn):
    "Run fn in a child as uid 65534 when we are root (root ignores file modes); else run it here."
    if os.geteuid() != 0: return fn()
    d = fresh('warm'); D.DBN([6, 4, 3], seed=0).save(d / 'w.pt'); D.DBN.load(d / 'w.pt') # import what torch loads lazily (/root is 0700)
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try: os.setgid(65534); os.setuid(65534); fn()
        finally: sys.stdout.flush(); os._exit(0)
    os.waitpid(pid, 0)


# f01 (medium). A file that cannot be read because of its permissions is called truncated, corrupt or damaged, and the advice
# is to delete it and download it again / train again. With verify=True (the default) load_mnist raises a bare PermissionError.
# Expected: "cannot read X: permission denied; check its permissions (ls -l X)", and no advice to delete a sound file.
def f01_permission_denied_called_corrupt():
    d = fresh('perm_mnist')
    for f in MNIST.glob('*.gz'): shutil.copy(f, d / f.name); os.chmod(d / f.name, 0o644)
    os.chmod(d / 'train-labels-idx1-ubyte.gz', 0o600) # owned by root, unreadable by nobody
    ck = fresh('perm_ckpt'); D.DBN([6, 4, 3], seed=0).save(ck / 'model.pt'); os.chmod(ck / 'model.pt', 0o600)
    def run():
        show('load_mnist(folder)               ', lambda: load_mnist(d))
        show('load_mnist(folder, verify=False) ', lambda: load_mnist(d, verify=False))
        show('DBN.load(model.pt)               ', lambda: D.DBN.load(ck / 'model.pt'))
        show('load_checkpoint(model.pt)        ', lambda: load_checkpoint(ck / 'model.pt'))
    unprivileged(run)


# f02 (medium). fit_standardizer on float16 or bfloat16 rows returns an AffineMap that no call can apply: every call raises torch's
# "expected m1 and m2 to have the same dtype", whatever dtype the rows have. Found only when the map is used.
# Expected: fit in float32 (or float64) whatever the rows' dtype, as fit_zca does (it works in float64), or refuse half precision at fit.
def f02_standardizer_fitted_on_half_precision_cannot_be_applied():
    x = torch.randn(200, 6, generator=torch.Generator().manual_seed(0)) * 3 + 100
    for dt in (torch.float16, torch.bfloat16):
        s = fit_standardizer(x.to(dt))
        print(f'  fit_standardizer({dt}) -> OK, A.dtype={s.A.dtype}')
        show('  s(x float32)', lambda: s(x[:3]))
        show(f'  s(x {dt})  ', lambda: s(x[:3].to(dt)))
    show('fit_zca(float16) then z(x)  ', lambda: fit_zca(x.half())(x[:3]).dtype) # works


# f03 (medium-low). DBN.save (atomic_write) replaces a read-only file without a word; in a read-only folder the error names a
# hidden temporary file the user never named; a valid file name of 242-255 characters cannot be saved (the temporary name is longer).
# Expected: refuse to replace a file the user cannot write ("X is read-only"), name X and its folder in the permission error,
# and keep the temporary name within NAME_MAX (e.g. a short random name).
def f03_atomic_write_read_only_and_long_names():
    rw = fresh('rw'); D.DBN([6, 4, 3], seed=1).save(rw / 'keep.pt'); os.chmod(rw / 'keep.pt', 0o444)
    ro = fresh('ro'); os.chmod(ro, 0o555)
    before = (rw / 'keep.pt').read_bytes()
    def run():
        show('save over a read-only (0444) file', lambda: D.DBN([6, 4, 3], seed=0).save(rw / 'keep.pt'))
        print('   the read-only file was replaced:', (rw / 'keep.pt').read_bytes() != before)
        show('save into a read-only folder     ', lambda: D.DBN([6, 4, 3], seed=0).save(ro / 'x.pt'))
    unprivileged(run)
    long = fresh('long') / ('a' * 250 + '.pt')
    long.touch(); long.unlink() # the name itself is valid
    show('save to a valid 253-character name', lambda: D.DBN([6, 4, 3], seed=0).save(long))


# f04 (low-medium). RBMTransformer's output names follow the n_components *parameter*, not the fitted RBM: unfitted, it names
# features instead of raising NotFittedError; after set_params(n_components=5) on a model fitted with 3, it names 5 features while
# transform returns 3 columns, and set_output(transform='pandas') then fails inside pandas ("Length mismatch").
# BernoulliRBM raises NotFittedError unfitted and names components_.shape[0] features. Expected: the same (_n_features_out from rbm_).
def f04_feature_names_follow_the_parameter_not_the_fit():
    from dbn_book.sklearn import RBMTransformer
    X = (np.random.default_rng(0).random((20, 6)) < .5).astype(float)
    show('RBMTransformer(n_components=3).get_feature_names_out() unfitted', lambda: RBMTransformer(n_components=3).get_feature_names_out())
    r = RBMTransformer(n_components=3, n_iter=1, random_state=0, device='cpu').fit(X)
    r.set_params(n_components=5)
    show('after set_params(n_components=5): names, transform shape', lambda: (len(r.get_feature_names_out()), r.transform(X).shape))
    show("set_output(transform='pandas').transform(X)", lambda: r.set_output(transform='pandas').transform(X))


# f05 (low-medium). image_patches does not check `columns`: a negative start silently wraps round and draws patches from the right of
# the image, outside the band asked for; an end above 1 gives torch's IndexError; one number, NaN or a string give Python errors.
# Expected: "columns must be two numbers 0 <= lo < hi <= 1, got ...".
def f05_image_patches_columns_unchecked():
    im = torch.arange(20 * 40).float().reshape(20, 40) # the value of pixel (r, c) tells its column: value % 40
    p = image_patches([im], size=4, n=2000, columns=(-0.5, 0.5), generator=torch.Generator().manual_seed(0))
    print(f'  columns=(-0.5, 0.5): patches start at columns {int((p[:, 0] % 40).min())}..{int((p[:, 0] % 40).max())} '
          f'(a band of the first half would be 0..16)')
    for cols in ((0, 2), (0.5,), (float('nan'), 1), 'ab'):
        show(f'columns={cols!r}', lambda: image_patches([im], 4, 5, columns=cols, generator=torch.Generator().manual_seed(0)).shape)


# f06 (low). load_checkpoint on a checkpoint whose MLP entry has an empty state raises a bare StopIteration (empty message) -- the
# except clause lacks StopIteration, which DBN.from_checkpoint catches. config/results that are not dicts are returned as they are.
# Expected: "<path>: the MLP in this checkpoint is incomplete or inconsistent (no weights)"; config and results checked to be dicts.
def f06_checkpoint_with_empty_mlp_state():
    d = fresh('ck'); save_checkpoint(d / 'm.pt', D.DBN([6, 4, 3], seed=0), MLP([6, 4], 2, seed=0))
    ck = torch.load(d / 'm.pt', weights_only=True)
    torch.save({**ck, 'mlp': {**ck['mlp'], 'state': {}}}, d / 'empty_state.pt')
    show('load_checkpoint(mlp state {})', lambda: load_checkpoint(d / 'empty_state.pt'))
    torch.save({**ck, 'config': 'x', 'results': [1]}, d / 'bad_config.pt')
    show("load_checkpoint(config='x', results=[1]) -> config, results", lambda: load_checkpoint(d / 'bad_config.pt')[2:])


# f07 (low). float64 values beyond float32's range (|x| > 3.4e38) pass the NaN/inf checks, then overflow when cast to float32:
# RBMTransformer/DBNClassifier(visible='gaussian') then say "v_train holds NaN or infinite values ... drop or impute those rows"
# (the user's X has none, and v_train is not their name); AffineMap.__call__ returns NaN silently; fit_zca gives A_inv = inf or
# torch's eigh failure. Data whose variance overflows float32 (|x| ~ 1e20) get "training diverged ... lower learning_rate":
# _start_rbm sets z from the float64 variance, bypassing the GaussianRBM constructor's overflow check.
# Expected: "X holds values beyond float32's range (max 1e+200); standardise it first (StandardScaler)", before training.
def f07_values_beyond_float32():
    from dbn_book.sklearn import RBMTransformer, DBNClassifier
    rng = np.random.default_rng(0)
    Xb = rng.normal(size=(20, 6))
    show('RBMTransformer(gaussian).fit(X * 1e200)', lambda: RBMTransformer(n_components=3, n_iter=1, visible='gaussian', device='cpu').fit(Xb * 1e200))
    show('DBNClassifier(gaussian).fit(X * 1e200)', lambda: DBNClassifier(hidden_layer_sizes=(4,), epochs=1, pretrain_epochs=1, visible='gaussian',
                                                                         device='cpu').fit(Xb * 1e200, np.arange(20) % 2))
    show('RBMTransformer(gaussian).fit(X * 1e20)', lambda: RBMTransformer(n_components=3, n_iter=1, visible='gaussian', device='cpu').fit(Xb * 1e20))
    x = torch.randn(50, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(0))
    s = fit_standardizer(x * 1e40)
    show('fit_standardizer(x64 * 1e40)(x64 * 1e40)', lambda: s(x[:2] * 1e40))
    show('fit_zca(x64 * 1e40).A_inv max', lambda: fit_zca(x * 1e40).A_inv.abs().max())
    show('fit_zca(x64 * 1e200)', lambda: fit_zca(x * 1e200))


# f08 (low). DBNClassifier(epochs=0) returns a classifier whose output layer was never trained (random weights), silently: the
# chance-level ConvergenceWarning is skipped when there is no fine-tuning history. (MLPClassifier refuses max_iter=0.)
# Expected: epochs must be an integer >= 1, or the ConvergenceWarning also when epochs=0.
def f08_classifier_with_no_fine_tuning():
    from dbn_book.sklearn import DBNClassifier
    X = (np.random.default_rng(0).random((40, 6)) < .5).astype(float); X[:, 0] = np.arange(40) % 2; y = np.arange(40) % 2
    c = lambda e: DBNClassifier(hidden_layer_sizes=(4,), epochs=e, pretrain_epochs=1, batch_size=5, random_state=0, device='cpu')
    show('epochs=0: score on its own training set', lambda: c(0).fit(X, y).score(X, y))
    show('epochs=30: score', lambda: c(30).fit(X, y).score(X, y))


# f09 (low). Unchecked arguments of the data helpers: torch's or Python's errors that name no argument, and one silent loss.
# Expected: "seed must be an integer", "dtype must be a floating-point torch.dtype", "x must be real", "data must be a str or Path", ...
def f09_unchecked_data_arguments():
    ds = D.data.MNIST(torch.zeros(2, 784, dtype=torch.uint8), torch.zeros(2, dtype=torch.long), torch.zeros(2, 784, dtype=torch.uint8),
                      torch.zeros(2, dtype=torch.long), 'tiny')
    show("mnist_tensors(ds, seed='1')", lambda: mnist_tensors(ds, seed='1'))
    show('mnist_tensors(ds, seed=1.5)', lambda: mnist_tensors(ds, seed=1.5))
    show("binarize(x, dtype='float32')", lambda: binarize(torch.rand(2, 2), dtype='float32'))
    show('dequantize(x, dtype=torch.int64)', lambda: dequantize(torch.zeros(2, 2, dtype=torch.uint8), dtype=torch.int64))
    show('binarize(complex [[0.5+1j]], threshold)', lambda: binarize(torch.tensor([[0.6 + 1j]]), 'threshold'))
    show('fit_standardizer(complex rows).mean', lambda: fit_standardizer(torch.randn(20, 3, dtype=torch.complex64)).mean)
    show('fit_zca(rows with 0 columns)', lambda: fit_zca(torch.zeros(20, 0)))
    show('fit_standardizer(rows with 0 columns)', lambda: fit_standardizer(torch.zeros(20, 0)))
    show("parse_idx('abc')", lambda: parse_idx('abc'))
    show('parse_idx(header whose dims multiply past 2**63)', lambda: parse_idx(b'\0\0\x08\x03' + (2**31).to_bytes(4, 'big') * 2 + (4).to_bytes(4, 'big')))
    show('load_mnist(5)', lambda: load_mnist(5))
    show('DBN.save(5)', lambda: D.DBN([6, 4, 3], seed=0).save(5))


ALL = [f for n, f in sorted(globals().items()) if n[:1] == 'f' and n[1:3].isdigit()]

if __name__ == '__main__':
    TMP.mkdir(parents=True, exist_ok=True)
    want = sys.argv[1:]
    for f in ALL:
        if want and not any(f.__name__.startswith(w) for w in want): continue
        print(f'\n== {f.__name__}'); sys.stdout.flush()
        f()
