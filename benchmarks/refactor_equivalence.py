"""Training through the model protocol gives, bit for bit, the models the separate binary and Gaussian trainers gave
before it: train_rbm (binary CD-k, PCD-k, centred, a softmax group) and the old train_grbm (Gaussian CD-k, PCD-k,
learned and fixed variances) against today's train_rbm on the same data, seeds and options. One monitor changed on
purpose: binary CD-k with k > 1 now draws its one-step reconstruction as the Gaussian trainer did (before, it reported
the k-th step's mean), so such runs draw different noise from the first update on and are not compared here.

    python benchmarks/refactor_equivalence.py [--before 5205096] [--data ../shared/data/mnist]
"""
import argparse, sys
import torch
from before import before
from dbn_book.cd import train_rbm
from dbn_book.rbm import RBM
from dbn_book.grbm import GaussianRBM
from dbn_book.data import load_mnist, local_mnist_folder, mnist_tensors

BINARY = [dict(epochs=2, lr=0.1), dict(epochs=2, lr=0.05, method='pcd', schedule='linear', n_chains=50),
          dict(epochs=2, lr=0.05, method='pcd', centered=True, schedule='cosine'), dict(epochs=2, lr=0.05, k=1, momentum_epochs=1)]
GAUSSIAN = [dict(epochs=2, lr=1e-3, lr_var=1e-4), dict(epochs=2, lr=1e-3, lr_var=0., method='pcd'),
            dict(epochs=2, lr=1e-3, k=10, schedule='linear'), dict(epochs=2, lr=1e-3, min_var=None, lr_var=1e-4, momentum_epochs=1)]


def same(a, b):
    "Whether two state dicts hold the same tensors, bit for bit."
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def strip(hist): return [{k: v for k, v in r.items() if k not in ('seconds',)} for r in hist]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--before', default='5205096', help='the revision before the protocol')
    p.add_argument('--data', default=None)
    a = p.parse_args()
    old = before(a.before)
    folder = a.data or local_mnist_folder()
    v, y, _, _ = mnist_tensors(load_mnist(folder, download=False))
    v = v[:3000]
    vl = torch.cat([v[:, :200], torch.nn.functional.one_hot(y[:3000], 10).float()], 1) # a softmax group of labels
    x = v[:, 150:350] + 0.05 * torch.randn(3000, 200, generator=torch.Generator().manual_seed(0)) # real-valued rows
    x = (x - x.mean(0)) / x.std(0)
    failures = 0
    for data, n_softmax in ((v, 0), (vl, 10)):
        for kw in BINARY:
            if n_softmax and kw.get('centered'): continue
            r_new = RBM(data.shape[1], 100, v_data=data, n_softmax=n_softmax, seed=0)
            r_old = old.rbm.RBM(data.shape[1], 100, v_data=data, n_softmax=n_softmax, seed=0)
            h_new = train_rbm(r_new, data, seed=1, device='cpu', progress=False, **kw)
            h_old = old.cd.train_rbm(r_old, data, seed=1, device='cpu', progress=False, **kw)
            ok = same(r_new.state_dict(), r_old.state_dict()) and strip(h_new) == strip(h_old)
            failures += not ok
            print(f"binary RBM {data.shape[1]} x 100{' (softmax group)' if n_softmax else ''}, {kw}: {'identical' if ok else 'DIFFERENT'}")
    for kw in GAUSSIAN:
        g_new, g_old = GaussianRBM(200, 50, v_data=x, seed=0), old.grbm.GaussianRBM(200, 50, v_data=x, seed=0)
        h_new = train_rbm(g_new, x, seed=1, device='cpu', progress=False, **kw)
        h_old = old.grbm.train_grbm(g_old, x, seed=1, device='cpu', progress=False, **kw)
        ok = same(g_new.state_dict(), g_old.state_dict()) and strip(h_new) == strip(h_old)
        failures += not ok
        print(f"GaussianRBM 200 x 50, {kw}: {'identical' if ok else 'DIFFERENT'}")
    print(f"\n{failures} configuration(s) differ")
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
