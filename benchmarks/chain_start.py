"""Benchmark: do the default DBN's wrong label-clamped samples come from where its Gibbs chains start? (issue 17, section 1)

    nice python benchmarks/chain_start.py benchmarks/out/default.pt --data ../shared/data/mnist | tee benchmarks/results/chain_start.txt

generation.py starts every chain in the top RBM from noise. Here the same model draws, after k Gibbs steps with the
label clamped, from three starts: noise; the up-pass of a validation digit of another class (chosen at random); the
up-pass of a validation digit of the clamped class. And, with the labels free, from noise and from the up-pass of
validation digits (an equal number of each class). The samples (pixel probabilities after one pass down) are judged
by benchmarks/judge.py's CNN, trained on training images 0..49,999 only; the validation digits are training images
50,000..59,999, which the default DBN did not train on. If the chains forget their start within k steps, the three
clamped starts give the same agreement and the two free starts the same class shares: the wrong rows are then the
model's p(x | y), not the sampler's. If a start from the clamped class gives much more, the chains from noise have not
mixed.
"""
import argparse, os, sys, time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from judge import judge_predict, judged_validation
from dbn_book.dbn import DBN


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('checkpoint')
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'))
    ap.add_argument('--n_per_digit', type=int, default=50)
    ap.add_argument('--k', type=int, nargs='+', default=[1000])
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    judge, v_va, y_va = judged_validation(a) # binarised as dbn_train binarises them
    dbn = DBN.load(a.checkpoint)
    n, g = a.n_per_digit, torch.Generator().manual_seed(a.seed)
    labels = torch.arange(10).repeat_interleave(n)
    pick = lambda classes: torch.stack([torch.nonzero(y_va == c).flatten()[torch.randint(int((y_va == c).sum()), (1,), generator=g)][0] for c in classes.tolist()])
    other = (labels + torch.randint(1, 10, labels.shape, generator=g)) % 10 # a random other class for each chain
    starts = {'noise': None, 'a digit of another class': v_va[pick(other)], 'a digit of the clamped class': v_va[pick(labels)]}
    free_starts = {'noise': None, 'validation digits, 10% of each class': v_va[pick(labels)]}
    print(f"model: {a.checkpoint}; {n} chains per digit; judged by the CNN of benchmarks/judge.py\n")
    for k in a.k:
        print(f"k = {k} Gibbs steps in the top RBM, labels clamped: agreement % per digit 0..9, overall")
        for name, v0 in starts.items():
            t0 = time.perf_counter()
            x = dbn.sample(len(labels), k=k, labels=labels, v_start=v0, generator=g, mean=True)
            ok = (judge_predict(judge, x) == labels).float().view(10, n).mean(1) * 100
            print(f"  from {name:30s} " + " ".join(f"{p:5.1f}" for p in ok.tolist()) + f"   {ok.mean():5.1f}   ({time.perf_counter() - t0:.0f} s)", flush=True)
        print(f"k = {k}, labels free: the judged class shares % of 0..9, then the smallest and largest")
        for name, v0 in free_starts.items():
            x = dbn.sample(len(labels), k=k, labels=None, v_start=v0, generator=g, mean=True)
            share = torch.bincount(judge_predict(judge, x), minlength=10).float() / len(x) * 100
            print(f"  from {name:38s} " + " ".join(f"{p:5.1f}" for p in share.tolist()) + f"   {share.min():5.1f} {share.max():5.1f}", flush=True)
        print()


if __name__ == '__main__':
    main()
