"""Benchmark: where the time of the three trainers that decide `dbn_train`'s run time goes (issue 17, section 5).

    nice python benchmarks/profile_training.py --data ../shared/data/mnist --batches 300 | tee benchmarks/results/profile_training.txt
    nice python benchmarks/profile_training.py --data ../shared/data/mnist --before REV --rounds 5   # up-down, today against REV

Profiles, with torch.profiler on the CPU, `--batches` mini-batches (of 100) of each of:
  (a) a CD-1 epoch of a 784 x 500 RBM on binarised MNIST (`RBMTrainer`, `benchmarks/cd_epoch.py`'s loop);
  (b) the default DBN's top RBM: 500 + 10 label units x 2000, PCD-1 (`RBMTrainer` as `DBNTrainer` runs it);
  (c) up-down on the default DBN (784-500-500-2000 + labels, `UpDownTrainer`) with `dbn_train`'s own up-down options
      (read from its parser: today PCD-1 in the top RBM, rate 0.002).
The models are freshly initialised (their weights do not change what the operations cost); (b) trains on the codes
P(h2 | v) of the fresh DBN. Each trainer's operations are grouped: matrix products, drawing uniforms, the rest of the
elementwise work, and copying rows out of the training set. The matrix products are each loop's floor.
With --before REV, it instead times (c) without the profiler, today's package and the one at git revision REV
alternately in each round (with CD-3 at the top, which every revision's up-down has), and checks that both leave the
same weights, bit for bit; with --top_before REV, the same for
(b), the top RBM's PCD-1 (whose weights differ where REV's loop drew a reconstruction of every mini-batch: its draws
shifted the random stream).
"""
import argparse, os, platform, sys, time
from collections import defaultdict

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch.profiler import ProfilerActivity, profile

from dbn_book import DBN, RBM
from dbn_book.cd import CDOptions, RBMTrainer
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.updown import UpDownOptions, UpDownTrainer
from dbn_book.cli import train_parser
from before import before

GROUPS = {'matrix products': ('aten::addmm', 'aten::addmm_', 'aten::mm', 'aten::matmul', 'aten::addmv_', 'aten::addr_', 'aten::bmm'),
          'uniforms': ('aten::uniform_', 'aten::random_'),
          'rows of the training set': ('aten::index', 'aten::randperm')}


def group_of(name):
    return next((g for g, names in GROUPS.items() if name in names), 'other elementwise and bookkeeping')


def profiled(name, trainer, batches):
    "Run `batches` updates of `trainer` (one epoch's loop, cut short) under the profiler; print the grouped self times."
    n_rows = batches * trainer.o.batch
    trainer.n_batches = batches # the schedule's denominator; the rates do not change the cost
    data_attr = 'v_train' if hasattr(trainer, 'v_train') else 'v'
    full = getattr(trainer, data_attr)
    setattr(trainer, data_attr, full[:n_rows])
    if getattr(trainer, 'y', None) is not None: trainer.y = trainer.y[:n_rows]
    trainer.run_epoch() # warm-up
    trainer.step = 0 # the profiled epoch's schedule as the warm-up's: not past the run's last update (a negative rate)
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        t0 = time.perf_counter(); trainer.run_epoch(); wall = time.perf_counter() - t0
    self_ms = defaultdict(float); by_op = defaultdict(float)
    for e in prof.key_averages():
        self_ms[group_of(e.key)] += e.self_cpu_time_total / 1e3; by_op[e.key] += e.self_cpu_time_total / 1e3
    total = sum(self_ms.values())
    print(f"\n({name}) {batches} mini-batches of {trainer.o.batch}: {wall:.2f} s wall under the profiler, "
          f"{batches / wall:.0f} batches/s; self time of the operations {total / 1e3:.2f} s")
    for g in sorted(self_ms, key=self_ms.get, reverse=True):
        print(f"  {g:36s} {self_ms[g] / 1e3:6.2f} s  {100 * self_ms[g] / total:5.1f}%")
    floor = self_ms['matrix products']
    print(f"  all operations / matrix products     {total / floor:.2f} x")
    print("  the largest single operations: " + ", ".join(f"{k} {v / 1e3:.2f} s" for k, v in
                                                         sorted(by_op.items(), key=lambda kv: -kv[1])[:6]))
    return total / floor


def alternate(one, old, rounds):
    """Time one(pkg) -> (seconds, state_dict) for today's package and `old`, alternating which goes first; print each round
    and whether both left the same weights; return the median seconds of each."""
    import dbn_book
    times = defaultdict(list)
    for r in range(rounds):
        for name, pkg in (('today', dbn_book), ('before', old)) if r % 2 == 0 else (('before', old), ('today', dbn_book)):
            secs, state = one(pkg)
            times[name].append(secs)
            if name == 'today': mine = state
            else: theirs = state
        same = all(torch.equal(mine[k], theirs[k]) for k in mine)
        print(f"round {r + 1}: today {times['today'][-1]:.2f} s, before {times['before'][-1]:.2f} s; the same weights: {same}", flush=True)
    return {k: sorted(x)[len(x) // 2] for k, x in times.items()}


def updown_against(old, v, y, batches, rounds):
    "Time `batches` up-down updates of today's package and of `old` alternately; check that they agree bit for bit."
    def one(pkg):
        dbn = pkg.DBN([784, 500, 500, 2000], n_labels=10, v_data=v, seed=0)
        t = pkg.updown.UpDownTrainer(dbn, v[:batches * 100], y[:batches * 100], pkg.updown.UpDownOptions(epochs=1, lr=0.002, k=3),
                                     seed=0, device='cpu')
        t0 = time.perf_counter(); t.run_epoch(); secs = time.perf_counter() - t0
        return secs, t.dbn.state_dict()
    med = alternate(one, old, rounds)
    print(f"median of {rounds} rounds, {batches} up-down updates (784-500-500-2000 + labels, CD-3): today {med['today']:.2f} s "
          f"({batches / med['today']:.0f} batches/s), before {med['before']:.2f} s ({batches / med['before']:.0f} batches/s); "
          f"before / today = {med['before'] / med['today']:.2f}")


def top_against(old, v, y, batches, rounds):
    "Time `batches` PCD-1 updates of the default DBN's top RBM, today's package and `old` alternately."
    def one(pkg):
        dbn = pkg.DBN([784, 500, 500, 2000], n_labels=10, v_data=v, seed=0)
        with torch.no_grad(): x = dbn.top_input(dbn.rbms[1].p_h(dbn.rbms[0].p_h(v[:batches * 100])), y[:batches * 100])
        t = pkg.cd.RBMTrainer(dbn.top, x, pkg.cd.CDOptions(epochs=1, lr=0.01, method='pcd', schedule='linear'), seed=0, device='cpu')
        t0 = time.perf_counter(); t.run_epoch(); secs = time.perf_counter() - t0
        return secs, t.rbm.state_dict()
    med = alternate(one, old, rounds)
    print(f"median of {rounds} rounds, one epoch of {batches} PCD-1 updates of the top RBM (510 x 2000, monitors included): today "
          f"{med['today']:.2f} s ({batches / med['today']:.0f} batches/s), before {med['before']:.2f} s "
          f"({batches / med['before']:.0f} batches/s); before / today = {med['before'] / med['today']:.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'), help='folder of the MNIST IDX files')
    ap.add_argument('--batches', type=int, default=300, help='mini-batches profiled per trainer')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--before', help="git revision whose up-down is timed against today's (no profiling)")
    ap.add_argument('--top_before', help="git revision whose top-RBM PCD is timed against today's (no profiling)")
    ap.add_argument('--rounds', type=int, default=5, help='with --before or --top_before: rounds, each timing both')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {os.getloadavg()[0]:.2f} at the start)")
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {platform.machine()}, {os.cpu_count()} cores")
    v, y, *_ = mnist_tensors(load_mnist(a.data, download=False), 'sample', 0)
    if a.before:
        return updown_against(before(a.before), v, y, a.batches, a.rounds)
    if a.top_before:
        return top_against(before(a.top_before), v, y, a.batches, a.rounds)
    # (a) CD-1, 784 x 500
    rbm = RBM(784, 500, v_data=v, seed=0)
    profiled('a: CD-1, 784 x 500', RBMTrainer(rbm, v, CDOptions(epochs=1, lr=0.1), seed=0, device='cpu'), a.batches)
    # (b) the default DBN's top RBM, PCD-1 with the labels as a softmax group
    dbn = DBN([784, 500, 500, 2000], n_labels=10, v_data=v, seed=0)
    with torch.no_grad():
        codes = dbn.rbms[1].p_h(dbn.rbms[0].p_h(v[:a.batches * 100 + 200]))
    x = dbn.top_input(codes, y[:len(codes)])
    profiled('b: top RBM 510 x 2000, PCD-1', RBMTrainer(dbn.top, x, CDOptions(epochs=1, lr=0.01, method='pcd', schedule='linear'),
                                                       seed=0, device='cpu'), a.batches)
    # (c) up-down as dbn_train runs it: its options' defaults
    d = train_parser().parse_args([])
    options = UpDownOptions(epochs=1, lr=d.updown_lr, k=d.updown_k, method=d.updown_method, batch=d.batch)
    profiled(f'c: up-down, 784-500-500-2000 + labels, {d.updown_method.upper()}-{d.updown_k} at the top',
             UpDownTrainer(dbn, v[:a.batches * 100], y[:a.batches * 100], options, seed=0, device='cpu'), a.batches)


if __name__ == '__main__':
    main()
