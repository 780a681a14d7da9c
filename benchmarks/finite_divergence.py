"""When does the DivergenceWarning fire on MNIST? (1) An RBM of 200 hidden units trained 5 epochs by CD-1 on the first
10,000 training images at rates from 0.001 to 50, its visible biases set from the data (as dbn_train and dbn_rbm set
them) or left at 0, beside the errors of reconstructing every row as the pixel means and as a blank image. (2) Up-down,
5 epochs at rates from 0.002 to 50, from a 784-200-100 DBN with 10 label units trained greedily 5 epochs per layer on
the same images. (3) Realistic use that must stay quiet: scikit-learn's load_digits (scaled to [0, 1]) under
RBMTransformer() and DBNClassifier() with their defaults, over seeds.

    python benchmarks/finite_divergence.py [--data ../shared/data/mnist] [--threads 1]

The warning fires, once, when two epochs in a row reconstruct worse than the bar, 1.3 times the trainer's baseline (the
error of answering every row with the mean row) plus 0.01 per unit, the second no better than the first
(chapter 0's warn_if_worse). "bar" below.
"""
import argparse, copy, re, time, warnings
import torch
from dbn_book.data import load_mnist_folder, mnist_tensors
from dbn_book.rbm import RBM
from dbn_book.core import DivergenceWarning
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.dbn import DBN, train_dbn
from dbn_book.updown import UpDownTrainer, UpDownOptions


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument('--data', default='../shared/data/mnist', help='folder of the MNIST IDX files')
    a.add_argument('--threads', type=int, default=1)
    a = a.parse_args()
    torch.set_num_threads(a.threads)
    v = mnist_tensors(load_mnist_folder(a.data))[0][:10_000] # sampled bits, seed 0
    m = v[:1000] # RBMTrainer's monitor rows
    print(f"monitor rows (the first 1,000 of 10,000 training images): pixel means {m.var(0, correction=0).sum():.1f} per row, "
          f"blank image {m.sum(1).mean():.1f}")
    def caught_run(t):
        "Run the trainer; the epochs at which it warned, or the error it raised."
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            try: t.run(progress=False)
            except FloatingPointError as e: return f"raised: {e}"
        return [re.search(r'epochs (\d+-\d+):', str(w.message)).group(1) for w in caught if issubclass(w.category, DivergenceWarning)]

    def row(what, lr, t, warned):
        errs = '  '.join(f"{r['recon_error']:8.1f}" for r in t.history)
        big = max(p.abs().max().item() for p in t.model.parameters())
        print(f"{what:15s} {lr:6g} {1.3 * t.baseline + 0.01 * t.n_units:6.1f}  {errs:50s} {big:15.1f}  "
              f"{warned if isinstance(warned, str) else 'in epoch ' + ', '.join(warned) if warned else 'no'}", flush=True)

    print(f"{'visible biases':15s} {'lr':>6s} {'bar':>6s}  {'reconstruction error, epochs 1-5':50s} {'largest |param|':>15s}  warned")
    for init in ('from the data', 'zero'):
        for lr in (0.001, 0.05, 0.5, 2, 5, 20, 50):
            t = RBMTrainer(RBM(784, 200, v_data=v if init == 'from the data' else None, seed=0), v, CDOptions(epochs=5, lr=lr), seed=0, device='cpu')
            row(init, lr, t, caught_run(t))
    y = mnist_tensors(load_mnist_folder(a.data))[1][:10_000]
    dbn = DBN([784, 200, 100], n_labels=10, v_data=v, seed=0)
    train_dbn(dbn, v, y, epochs=[5, 5], lr=0.05, progress=False, seed=0, device='cpu')
    print(f"\nup-down from a greedy 784-200-100 DBN with labels (wake-pass reconstruction error of the pixels, over all 10,000 rows)")
    for lr in (0.002, 0.05, 0.5, 2, 10, 50):
        t = UpDownTrainer(copy.deepcopy(dbn), v, y, UpDownOptions(epochs=5, lr=lr), seed=0, device='cpu')
        row('up-down', lr, t, caught_run(t))

    from sklearn.datasets import load_digits
    from dbn_book.sklearn import RBMTransformer, DBNClassifier
    X, y = load_digits(return_X_y=True); X = X / 16
    def warns(make, n, seeds):
        hits = 0
        for s in seeds:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter('always'); make(s).fit(X[:n], y[:n])
            hits += any(issubclass(w.category, DivergenceWarning) for w in caught)
        return hits
    print()
    for n in (1797, 500):
        print(f"RBMTransformer() on load_digits / 16, {n:,} rows: warned for {warns(lambda s: RBMTransformer(random_state=s), n, range(10))} of 10 seeds")
    print(f"DBNClassifier() on load_digits / 16, 1,797 rows: warned for {warns(lambda s: DBNClassifier(random_state=s), 1797, range(3))} of 3 seeds")


if __name__ == '__main__':
    t0 = time.time(); main(); print(f"{time.time() - t0:.0f} s")
