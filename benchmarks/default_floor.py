"""Benchmark: the arithmetic floor of `dbn_train --data FOLDER` with its defaults (issue 17: at most 10 minutes on 2 cores).

    nice python benchmarks/default_floor.py [--report benchmarks/results/dbn_train_default_monitor_seed0.json]

Counts the floating-point operations of every matrix product the default run makes, with torch's FlopCounterMode on
the package's own trainers (each phase run on 1,000 and on 2,000 random rows: the difference is the cost per row, the
rest the cost per epoch, e.g. the monitors), scaled to the default recipe (50,000 training rows; lower RBMs 10 epochs
of CD-1, the top RBM 90 of PCD-1, 15 epochs of persistent up-down, 10 of fine-tuning). Then it times the products of
the top RBM's shape, which are most of the run, on this machine, and prints the run's floor: the time the products
alone would take. Beside it: the phase times of a default run (`--report`, dbn_train's JSON) on this machine kind.
The random rows do not change what a product costs. Models are built with the default sizes; nothing is trained to use.
"""
import argparse, json, statistics, time

import torch
from torch.utils.flop_counter import FlopCounterMode

from dbn_book.cd import CDOptions, train_rbm
from dbn_book.dbn import DBN
from dbn_book.finetune import FineTuneOptions, FineTuner, mlp_from_dbn
from dbn_book.rbm import RBM
from dbn_book.updown import UpDownOptions, UpDownTrainer

N, SIZES = 50_000, [784, 500, 500, 2000] # dbn_train's training rows (60,000 less 10,000 for validation) and layers


def flops(run) -> int:
    "The floating-point operations of the matrix products that run() makes."
    with FlopCounterMode(display=False) as fc: run()
    return fc.get_total_flops()


def per_epoch(make_run) -> float:
    "A phase's operations per epoch over N rows, from one epoch on 1,000 and on 2,000 rows."
    f1, f2 = flops(make_run(1000)), flops(make_run(2000))
    per_row = (f2 - f1) / 1000
    return f1 - 1000 * per_row + N * per_row


def rows(n, width, seed=0): return (torch.rand(n, width, generator=torch.Generator().manual_seed(seed)) < 0.3).float()


def labels(n): return torch.arange(n) % 10


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--report', default='benchmarks/results/dbn_train_default_monitor_seed0.json', help="a default run's JSON report")
    p.add_argument('--rounds', type=int, default=5, help='timings of the top-RBM products, the median taken')
    a = p.parse_args()
    torch.set_num_threads(2)
    dbn = DBN(SIZES, n_labels=10, seed=0)
    def rbm_epoch(nv, nh, method, n_softmax=0):
        data = lambda n: torch.cat([rows(n, nv - n_softmax), torch.eye(10)[labels(n)][:, :n_softmax]], 1) # the top's labels: one-hot
        return lambda n: (lambda: train_rbm(RBM(nv, nh, n_softmax=n_softmax, seed=0), data(n), CDOptions(epochs=1, lr=0.01, k=1, method=method, batch=100),
                                             progress=False, seed=0))
    def updown_epoch(n):
        return lambda: UpDownTrainer(DBN(SIZES, n_labels=10, seed=0), rows(n, 784), labels(n), UpDownOptions(epochs=1, lr=0.002, k=1, batch=100, method='pcd'),
                                     seed=0).run(progress=False)
    def finetune_epoch(n):
        return lambda: FineTuner(mlp_from_dbn(dbn, seed=0), rows(n, 784), labels(n), FineTuneOptions(epochs=1, lr=0.1, batch=100), seed=0).run(progress=False)
    phases = {'pretraining': [(10, per_epoch(rbm_epoch(784, 500, 'cd'))), (10, per_epoch(rbm_epoch(500, 500, 'cd'))),
                              (90, per_epoch(rbm_epoch(510, 2000, 'pcd', 10)))],
              'up-down': [(15, per_epoch(updown_epoch))], 'fine-tuning (dbn init)': [(10, per_epoch(finetune_epoch))]}
    total = {k: sum(e * f for e, f in v) for k, v in phases.items()}
    x, w = torch.randn(100, 510), torch.randn(510, 2000)
    def top_products(): # one top-RBM update's products: the five of PCD-1 at the top RBM's shape
        for _ in range(20): (x @ w, (x @ w) @ w.T, x.T @ (x @ w))
    top_products(); times = []
    for _ in range(a.rounds):
        t0 = time.perf_counter(); top_products(); times.append(time.perf_counter() - t0)
    per_update = flops(lambda: [(x @ w, (x @ w) @ w.T, x.T @ (x @ w)) for _ in range(20)])
    gflops = per_update / statistics.median(times) / 1e9
    report = json.load(open(a.report))['results']['phases'] if a.report else {}
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; products of the top RBM's shape (100 x 510 x 2000): "
          f"{gflops:.0f} GFLOP/s here (median of {a.rounds} rounds)")
    print(f"{'phase':24s} {'TFLOP':>7s} {'floor here':>11s} {'measured (' + (a.report or '-').split('/')[-1] + ')':>50s}")
    for k, f in total.items():
        m = report.get(k)
        print(f"{k:24s} {f / 1e12:7.1f} {f / gflops / 1e9:9.0f} s {(f'{m:.0f} s = {m / (f / gflops / 1e9):.2f} x the floor' if m else '-'):>50s}")
    f = sum(total.values()); m = sum(report.get(k, 0) for k in total)
    print(f"{'all three':24s} {f / 1e12:7.1f} {f / gflops / 1e9:9.0f} s {(f'{m:.0f} s = {m / (f / gflops / 1e9):.2f} x the floor' if m else '-'):>50s}")
    print(f"# the 10-minute target holds the whole run (with the label prior and the scoring) to 600 s: the products alone take "
          f"{f / gflops / 1e9 / 60:.1f} min here")


if __name__ == '__main__':
    main()
