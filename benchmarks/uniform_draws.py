"""What drawing the Bernoulli units of one CD-1 mini-batch costs (100 x (500 + 784) draws), by the ways issue 17
(section 5) and ../shared/ENGINEERING.md name, alternated in each round on this machine:

    python benchmarks/uniform_draws.py [--rounds 3]

torch.rand (the package's `bernoulli`), 64-bit random integers read as four 16-bit uniforms, and numpy's PCG64 and SFC64
generators; each compared with the probabilities. Microseconds per mini-batch, the median of 300 calls per round.
"""
import argparse, statistics, time
import numpy as np
import torch

N = 100 * (500 + 784)

def main():
    a = argparse.ArgumentParser(description=__doc__.split('\n')[0]); a.add_argument('--rounds', type=int, default=3)
    rounds = a.parse_args().rounds
    torch.set_num_threads(2)
    p, g = torch.rand(100, 1284), torch.Generator().manual_seed(0)
    pcg, sfc = np.random.Generator(np.random.PCG64(0)), np.random.Generator(np.random.SFC64(0))
    ways = {'torch.rand': lambda: torch.rand(p.shape, generator=g).lt_(p),
            '16-bit from int64': lambda: torch.randint(-2**63, 2**63 - 1, ((N + 3) // 4,), generator=g, dtype=torch.int64)
                                       .view(torch.int16)[:N].view(p.shape).to(p.dtype).add_(32768.5).lt_(p * 65536),
            'numpy PCG64': lambda: torch.from_numpy(pcg.random(p.shape, dtype=np.float32)).lt_(p),
            'numpy SFC64': lambda: torch.from_numpy(sfc.random(p.shape, dtype=np.float32)).lt_(p)}
    def per_call(f, reps=300):
        f(); ts = []
        for _ in range(reps): t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
        return statistics.median(ts) * 1e6
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {N:,} draws per mini-batch")
    for r in range(rounds):
        t = {k: per_call(f) for k, f in ways.items()}
        print(f"round {r + 1}: " + ", ".join(f"{k} {v:.0f} us" for k, v in t.items()) +
              f"; torch.rand / 16-bit = {t['torch.rand'] / t['16-bit from int64']:.2f}x")

if __name__ == '__main__': main()
