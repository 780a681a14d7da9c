"""Benchmark: generative classification with the top RBM's product shared across the labels, against `predict_labels`
(chapter 3), which computes each label's free energy from its own product. Same labels? How much faster?

    nice python benchmarks/predict_labels_shared.py CKPT --data ../shared/data/mnist [--rounds 3]

With label j on, the top RBM's hidden input is c + W_h' h + U_j (U_j: label j's row of W), so one product W_h' h serves
all ten labels; only the softplus sums stay per label. The free energy then drops the terms common to every label
(-b_h' h), which changes no argmin but the rounding. The two run alternately, round by round, on the test digits and
on two slices of the training digits (60,000 read as `dbn_train` reads them, binarised with seed 0).
"""
import argparse, statistics, time

import torch
import torch.nn.functional as F

from dbn_book.dbn import DBN, predict_labels
from dbn_book.data import load_mnist, mnist_tensors


@torch.no_grad()
def predict_shared(dbn, v, chunk=10_000):
    "The label of lowest free energy for each row of v, from one product of the top RBM per chunk."
    top, n, out = dbn.top, dbn.n_labels, []
    for x in v.split(chunk):
        h = dbn.up(x)
        a = torch.addmm(top.c, h, top.W[:-n]) # c + W_h' h: the hidden input without a label
        out.append(torch.stack([-top.b[-n + j] - F.softplus(a + top.W[-n + j]).sum(1) for j in range(n)], 1).argmin(1))
    return torch.cat(out)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('checkpoint')
    p.add_argument('--data', required=True)
    p.add_argument('--rounds', type=int, default=3)
    a = p.parse_args()
    dbn = DBN.load(a.checkpoint)
    v_tr, y_tr, v_te, y_te = mnist_tensors(load_mnist(a.data, download=False), 'sample', 0)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {a.checkpoint}: {'-'.join(map(str, dbn.sizes))} + {dbn.n_labels} labels")
    for name, v, y in (('test', v_te, y_te), ('train 50,000-59,999', v_tr[50_000:], y_tr[50_000:]), ('train 0-9,999', v_tr[:10_000], y_tr[:10_000])):
        order, times, got = [('predict_labels', predict_labels), ('shared product', predict_shared)], {}, {}
        for r in range(a.rounds): # alternating which runs first
            for label, fn in order if r % 2 == 0 else order[::-1]:
                t = time.perf_counter(); got[label] = fn(dbn, v); times.setdefault(label, []).append(time.perf_counter() - t)
        plain, shared = got['predict_labels'], got['shared product']
        t1, t2 = statistics.median(times['predict_labels']), statistics.median(times['shared product'])
        print(f"{name:20s} {len(v):,} rows: labels that differ {(plain != shared).sum().item()}, error {100 * (plain != y).float().mean():.2f}% "
              f"and {100 * (shared != y).float().mean():.2f}%; median of {a.rounds} rounds {t1:.2f} s and {t2:.2f} s = {t1 / t2:.2f}x")


if __name__ == '__main__':
    main()
