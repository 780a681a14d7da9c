"""Benchmark: which recipe for the binary RBM above a Gaussian first layer? Chosen on validation digits, with an
independent judge of the samples beside it (chapter 9's "A DBN on top").

    OMP_NUM_THREADS=1 nice python benchmarks/grbm_dbn_recipes.py --data ../shared/data/mnist \\
        | tee benchmarks/results/grbm_dbn_recipes.txt

Data as in benchmarks/grbm_samples.py (its grey_splits): training images 0..19,999 dequantized and standardised
(constant pixels dropped), validation images 50,000..50,999. The test rows are prepared there but never scored here. Every DBN has the same first layer, chapter 9's Gaussian RBM
(657 x 200, CD-1, lr 1e-3, lr_var 1e-4, 15 epochs, seed 0); the recipes differ in the RBM above it. For each: the
variational lower bound on the validation digits (top RBM's log Z by AIS, 100 chains, sm_betas(5000); 10 samples of Q
per digit), and 500 samples from noise (1,000 Gibbs steps in the top RBM, one pass down, shown as means) read by the
judge of benchmarks/judge.py (trained on training images 0..49,999): the share read with confidence >= 0.9, the entropy
of the judge's class histogram (3.32 bits for ten equal classes), and the histogram.
"""
import argparse, os, platform, sys, time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge import get_judge # noqa: E402
from grbm_samples import grey_splits, judge_stats # noqa: E402: the same data and the same judge numbers

from dbn_book import DBN, RBM, GaussianRBM, train_dbn
from dbn_book.ais import ais_log_partition, dbn_log_likelihood_bound, sm_betas
from dbn_book.data import load_mnist, local_mnist_folder

# name: the options of train_dbn for [first layer, top RBM] (top: the top RBM's hidden units)
RECIPES = {
    'CD-1, 15 epochs (chapter 3)':   dict(k=[1, 1]),
    'CD-1, 30 epochs':               dict(k=[1, 1], epochs=[15, 30]),
    'PCD-1, 15 epochs':              dict(method=['cd', 'pcd']),
    'PCD-1, 30 epochs':              dict(method=['cd', 'pcd'], epochs=[15, 30]),
    'PCD-1, 30 epochs, lr 0.01':     dict(method=['cd', 'pcd'], epochs=[15, 30], lr=[1e-3, 0.01]),
    'PCD-1, 15 epochs, 500 units':   dict(method=['cd', 'pcd'], top=500),
    'CD-10, 15 epochs':              dict(k=[1, 10]),
    'CD-10, 30 epochs':              dict(k=[1, 10], epochs=[15, 30]),
    'CD-25, 15 epochs':              dict(k=[1, 25]),
    'CD-10, 15 epochs, 500 units':   dict(k=[1, 10], top=500),
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=None, help='folder with the four MNIST IDX files (default: DBN_BOOK_DATA)')
    ap.add_argument('--n_samples', type=int, default=500)
    a = ap.parse_args(argv)
    print(f"command: {' '.join([os.path.basename(sys.argv[0])] + sys.argv[1:])}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, torch {torch.__version__}, {torch.get_num_threads()} threads")
    ds = load_mnist(a.data or local_mnist_folder(), download=False)
    if len(ds.x_train) < 60000: sys.exit("grbm_dbn_recipes.py: error: needs the full MNIST (pass --data)")
    judge, _ = get_judge(ds, log=print)
    std, v_fit, v_val, _ = grey_splits(ds) # the test rows are not used
    print(f"\n{'top RBM recipe':30s} {'valid bound':>11s} {'confident':>9s} {'entropy':>8s}  judged as 0..9        seconds")
    for name, r in RECIPES.items():
        r = dict(r); top = r.pop('top', 200)
        opts = dict(epochs=15, lr=[1e-3, 0.05], lr_var=1e-4, v_valid=v_val, seed=0, progress=False); opts.update(r)
        t = time.perf_counter()
        g = torch.Generator().manual_seed(0)
        d = DBN.from_rbms([GaussianRBM(v_fit.shape[1], 200, v_data=v_fit, generator=g), RBM(200, top, generator=g)])
        train_dbn(d, v_fit, **opts)
        secs = time.perf_counter() - t
        res = ais_log_partition(d.top, n_chains=100, betas=sm_betas(5000), v_data=d.up(v_fit), generator=torch.Generator().manual_seed(0))
        bound = dbn_log_likelihood_bound(d, v_val, res.log_z, n_samples=10, generator=torch.Generator().manual_seed(0)).mean().item()
        x = std.inverse(d.sample(a.n_samples, k=1000, mean=True, generator=torch.Generator().manual_seed(0))).clamp(0, 1)
        st = judge_stats(judge, x)
        print(f"{name:30s} {bound:11.1f} {st['confident_pct']:8.0f}% {st['entropy_bits']:8.2f}  {st['histogram']}  {secs:.0f}", flush=True)


if __name__ == '__main__':
    main()
