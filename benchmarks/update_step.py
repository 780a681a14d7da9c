"""The momentum step of a CD-1 update on a 784 x 500 RBM, batch 100: the plain version every model has
(RBMBase.add_gradient_: the statistics of the data and of the chains, their difference, the momentum step) against the
binary RBM's fused one (the two products added straight into the velocity), alternated in one run; 600 steps = one
epoch of MNIST.

    python benchmarks/update_step.py [--rounds 7]
"""
import argparse, statistics, time
import torch
from dbn_book.rbm import RBMBase, RBM, bernoulli


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--rounds', type=int, default=7)
    a = p.parse_args()
    g = torch.Generator().manual_seed(0)
    r = RBM(784, 500, seed=0)
    v0, vk = bernoulli(torch.full((100, 784), 0.13), g), bernoulli(torch.full((100, 784), 0.13), g)
    args = ((v0, r.p_h(v0)), (vk, r.p_h(vk)), (1e-3,) * 3, 0.9)
    velocity = [torch.zeros_like(p) for p in r.params]
    steps = {'plain': lambda: RBMBase.add_gradient_(r, velocity, *args), 'fused': lambda: r.add_gradient_(velocity, *args)}
    times = {k: [] for k in steps}
    for _ in range(a.rounds):
        for k, f in steps.items():
            t0 = time.perf_counter()
            for _ in range(600): f()
            times[k].append(time.perf_counter() - t0)
    med = {k: statistics.median(t) for k, t in times.items()}
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; 600 momentum steps, 784 x 500, batch 100, median of {a.rounds}:")
    for k, t in med.items(): print(f"  {k:6s} {t:6.3f} s   (all rounds: {', '.join(f'{x:.3f}' for x in times[k])})")
    print(f"  plain / fused = {med['plain'] / med['fused']:.2f}")


if __name__ == '__main__':
    main()
