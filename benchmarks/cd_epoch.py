"""One CD-1 epoch over the 60,000 MNIST training images, 784 x 500, batch 100: dbn_book against scikit-learn's
BernoulliRBM, against the arithmetic floor (the epoch's 600 x 5 matrix products alone) and against dbn_book's own
train_rbm as it was at git revision --before (default: before the model protocol), all in one run.

    python benchmarks/cd_epoch.py [--rounds 3] [--data ../shared/data/mnist] [--before 5205096]

The three are alternated `rounds` times and the medians reported, so that machine load hits all of them alike.
With --uniform16, a fifth: dbn_book's train_rbm with its Bernoulli draws made from 16-bit uniforms (64-bit random
integers read as four 16-bit ones, `../shared/ENGINEERING.md`), to measure what that change would buy (issue 17,
section 5) before deciding on it; the package itself is not changed.
With --bf16, two more: train_rbm and the floor with their float32 matrix products done in bfloat16, PyTorch's
torch.set_float32_matmul_precision('medium') (inputs rounded to 8 bits of mantissa, sums and results in float32; on a
CPU with AMX, as this one, oneDNN then runs them about 2x faster). The package itself is not changed.
"""
import argparse, statistics, sys, time

import numpy as np
import torch

from dbn_book.cd import train_rbm
from dbn_book.data import load_mnist, local_mnist_folder, mnist_tensors
from dbn_book.rbm import RBM
from before import before

B, N_V, N_H = 100, 784, 500


def time_dbn_book(v):
    rbm = RBM(N_V, N_H, v_data=v, seed=0)
    t0 = time.perf_counter()
    train_rbm(rbm, v, epochs=1, lr=0.1, k=1, batch=B, seed=0, device='cpu', progress=False)
    return time.perf_counter() - t0


def bernoulli16(p, generator=None):
    "Bernoulli draws from 16-bit uniforms u = (k + 1/2) / 2^16: P(u < p) is within 2^-16 of p."
    n = p.numel()
    k = torch.randint(-2**63, 2**63 - 1, ((n + 3) // 4,), generator=generator, dtype=torch.int64, device=p.device).view(torch.int16)[:n]
    return k.view(p.shape).to(p.dtype).add_(32768.5).lt_(p * 65536)


def time_uniform16(v):
    import dbn_book.rbm as rbm_module, dbn_book.cd as cd_module
    saved = rbm_module.bernoulli, cd_module.bernoulli
    rbm_module.bernoulli = cd_module.bernoulli = bernoulli16
    try: return time_dbn_book(v)
    finally: rbm_module.bernoulli, cd_module.bernoulli = saved


def time_before(v, old):
    rbm = old.rbm.RBM(N_V, N_H, v_data=v, seed=0)
    train = old.cd.train_rbm
    t0 = time.perf_counter()
    train(rbm, v, epochs=1, lr=0.1, k=1, batch=B, seed=0, device='cpu', progress=False)
    return time.perf_counter() - t0


def time_sklearn(v_np):
    from sklearn.neural_network import BernoulliRBM
    rbm = BernoulliRBM(n_components=N_H, batch_size=B, n_iter=1, learning_rate=0.1, random_state=0)
    t0 = time.perf_counter()
    rbm.fit(v_np)
    assert rbm.components_.dtype == np.float32, "scikit-learn should have kept float32"
    return time.perf_counter() - t0


def time_floor(v):
    "600 batches x the 5 products of a CD-1 step, in the loop's own shapes, and nothing else."
    W, c, b = torch.randn(N_V, N_H) * 0.01, torch.zeros(N_H), torch.zeros(N_V)
    acc = torch.zeros(N_V, N_H)
    h = torch.rand(B, N_H)
    t0 = time.perf_counter()
    for i in range(0, len(v), B):
        v0 = v[i:i + B]
        ph0 = torch.addmm(c, v0, W)
        pv = torch.addmm(b, h, W.T)
        phk = torch.addmm(c, v0, W)
        acc.addmm_(v0.T, ph0).addmm_(v0.T, phk)
    return time.perf_counter() - t0


def time_bf16(v):
    "train_rbm's epoch with its float32 products done in bfloat16 (torch.set_float32_matmul_precision('medium'))."
    from dbn_book.core import matmul_precision
    with matmul_precision('medium'): return time_dbn_book(v)


def time_floor_bf16(v):
    "The floor's 600 x 5 products, done in bfloat16 the same way."
    from dbn_book.core import matmul_precision
    with matmul_precision('medium'): return time_floor(v)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--rounds', type=int, default=3)
    p.add_argument('--data', default=None, help='MNIST folder (default: DBN_BOOK_DATA or ../shared/data/mnist)')
    p.add_argument('--before', default='5205096', help='git revision whose train_rbm is timed beside today\'s')
    p.add_argument('--uniform16', action='store_true', help="also time train_rbm with 16-bit uniforms for its Bernoulli draws")
    p.add_argument('--bf16', action='store_true', help="also time train_rbm with bfloat16 products, and the floor in bfloat16")
    a = p.parse_args()
    folder = a.data or local_mnist_folder()
    if folder is None: sys.exit("cd_epoch.py: needs the full MNIST; pass --data FOLDER or set DBN_BOOK_DATA")
    v, _, _, _ = mnist_tensors(load_mnist(folder))
    assert v.shape == (60000, 784)
    v_np = v.numpy()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; data {v.shape[0]:,} x {v.shape[1]}, float32")
    old = before(a.before)
    times = {'dbn_book': [], 'before': [], 'sklearn': [], 'floor': []} | ({'uniform16': []} if a.uniform16 else {}) \
            | ({'bf16': [], 'floor_bf16': []} if a.bf16 else {})
    time_floor(v[:2000]); time_dbn_book(v[:2000]); time_before(v[:2000], old) # warm up
    for r in range(a.rounds):
        times['floor'].append(time_floor(v))
        times['dbn_book'].append(time_dbn_book(v))
        times['before'].append(time_before(v, old))
        times['sklearn'].append(time_sklearn(v_np))
        if a.uniform16: times['uniform16'].append(time_uniform16(v))
        if a.bf16: times['bf16'].append(time_bf16(v)); times['floor_bf16'].append(time_floor_bf16(v))
        print(f"round {r + 1}: " + ", ".join(f"{k} {t[-1]:.2f} s" for k, t in times.items()), flush=True)
    med = {k: statistics.median(t) for k, t in times.items()}
    print(f"\nmedian of {a.rounds} rounds, one CD-1 epoch (60,000 images, 784 x 500, batch 100):")
    print(f"  arithmetic floor (600 x 5 products)   {med['floor']:6.2f} s")
    print(f"  dbn_book train_rbm (RBMTrainer)       {med['dbn_book']:6.2f} s   = {med['dbn_book'] / med['floor']:.2f} x floor")
    print(f"  dbn_book train_rbm at {a.before:<15} {med['before']:6.2f} s   = {med['before'] / med['floor']:.2f} x floor")
    print(f"  scikit-learn BernoulliRBM (PCD-1)     {med['sklearn']:6.2f} s   = {med['sklearn'] / med['floor']:.2f} x floor")
    print(f"  scikit-learn / dbn_book               {med['sklearn'] / med['dbn_book']:6.2f} x")
    if a.uniform16:
        print(f"  train_rbm with 16-bit uniforms        {med['uniform16']:6.2f} s   = {med['uniform16'] / med['floor']:.2f} x floor, "
              f"{med['dbn_book'] / med['uniform16']:.2f} x faster than as it is")
    if a.bf16:
        print(f"  floor in bfloat16 (600 x 5 products)  {med['floor_bf16']:6.2f} s   = {med['floor_bf16'] / med['floor']:.2f} x the float32 floor")
        print(f"  train_rbm with bfloat16 products      {med['bf16']:6.2f} s   = {med['bf16'] / med['floor']:.2f} x the float32 floor, "
              f"{med['bf16'] / med['floor_bf16']:.2f} x its own; {med['dbn_book'] / med['bf16']:.2f} x faster than as it is")


if __name__ == '__main__':
    main()
