"""Benchmark: what dbn_train's up-down phase does to label-clamped generation (issue 17, section 1).

    nice python benchmarks/updown_generation.py --data ../shared/data/mnist --seeds 0 1
    nice python benchmarks/generation.py benchmarks/out/updown_bound_greedy_seed{0,1}.pt benchmarks/out/updown_default_seed{0,1}.pt \\
        --label updown_default --n_per_digit 50 --threads 1

Takes the greedy DBNs of dbn_train's default recipe (the checkpoints benchmarks/updown_bound.py writes: dbn_train
--seed S --updown_epochs 0 --mlp_epochs 0) and runs dbn_train's up-down phase on each (15 epochs, lr 0.002 decaying
linearly to 0, CD-3 at the top, training images 0..49,999 binarised as dbn_train binarises them, the same seed), so
that generation.py can judge the same model before and after up-down.
"""
import argparse, os, time
from pathlib import Path
import torch
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN
from dbn_book.updown import UpDownOptions, UpDownTrainer

OUT = Path(__file__).parent / 'out'

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'))
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1])
    ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    for seed in a.seeds:
        dbn = DBN.load(OUT / f'updown_bound_greedy_seed{seed}.pt')
        v, y, *_ = mnist_tensors(load_mnist(a.data, download=False), 'sample', seed)
        t0 = time.perf_counter()
        UpDownTrainer(dbn, v[:50_000], y[:50_000], UpDownOptions(epochs=15, lr=0.002, k=3, batch=100), seed=seed, device='cpu').run(progress=False)
        dbn.save(OUT / f'updown_default_seed{seed}.pt')
        print(f"seed {seed}: up-down {time.perf_counter() - t0:.0f} s -> {OUT / f'updown_default_seed{seed}.pt'}", flush=True)

if __name__ == '__main__': main()
