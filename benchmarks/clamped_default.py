"""Benchmark: `dbn_train` with its top RBM trained on a mixture of the joint and the class-conditional likelihood
(`top_rbm_recipes.py`'s recipe clamped:F, where it is derived and checked on an enumerable RBM), end to end: greedy
pretraining, up-down, the label prior and fine-tuning exactly as `dbn_train` runs them, except the top RBM's persistent
chains: the first F of them each keep the label of the training row they started from.

    OMP_NUM_THREADS=2 nice python benchmarks/clamped_default.py --clamped_share 0.5 [dbn_train's options ...]
    python benchmarks/clamped_default.py --check   # with no chain clamped, the replacement is the package's update, bit for bit

A prototype, not in the package: it replaces `RBMTrainer.update` while it runs. The replacement takes the plain PCD
branch of the package's update (no fast weights, no centring), for models with label units (a softmax group) trained by
PCD; every other trainer (the lower RBMs, CD) runs the package's own update. Each Gibbs step draws exactly what the
package's chains draw, and then sets the label units of the first F of the chains back to their labels, so with F = 0 it
would be the package's update; up-down's own persistent chains in the top RBM stay free.
"""
import sys

from dbn_book.cd import RBMTrainer
from dbn_book.cli import train_main
from dbn_book.rbm import bernoulli

_package_update = RBMTrainer.update
SHARE = 0.0 # set by --clamped_share


def clamped_update(self, v0, eps, mu):
    "RBMTrainer.update's PCD branch, with the first `share` of the chains' labels held where they started."
    model, o = self.rbm, self.o
    if self.chains is None or not model.n_softmax or self.fast is not None or self.offsets is not None or not SHARE:
        return _package_update(self, v0, eps, mu)
    m = model.n_softmax
    if getattr(self, 'clamp', None) is None: # the labels of the training rows the chains started from (the package's trainer sets None with clamped=0)
        self.clamp = self.chains[:round(SHARE * len(self.chains)), -m:].clone()
        print(f"clamped_default: {len(self.clamp)} of the {len(self.chains)} persistent chains of the {model.n_visible} x {model.n_hidden} "
              f"RBM keep their labels, whose shares are {[round(100 * x, 1) for x in self.clamp.mean(0).tolist()]}%", flush=True)
    n = len(self.clamp)
    ph0 = model.p_h(v0, check=False)                                   # positive phase: the data
    v, p_h = self.chains, model.p_h(self.chains, check=False)          # negative phase: from where the chains stopped
    for _ in range(o.k):
        v = model.draw_v(model.v_mean(bernoulli(p_h, self.g), check=False), self.g)
        v[:n, -m:] = self.clamp                                        # the first n chains: p(x, h | y)
        p_h = model.p_h(v, check=False)
    self.chains = v
    model.add_gradient_(self.velocity, (v0, ph0), (v, p_h), model.step_rates(eps, o), mu)
    self.velocity[0].add_(model.W, alpha=-eps * o.weight_decay)
    for p, vel in zip(model.params, self.velocity): p.add_(vel)
    model.constrain_(o)
    return v


def check():
    "Three PCD epochs of a 30 x 20 RBM with a 5-label group: the package's update, then the replacement with none and with half the chains clamped."
    import torch
    from dbn_book.cd import CDOptions
    from dbn_book.rbm import RBM
    g = torch.Generator().manual_seed(0)
    x = (torch.rand(500, 30, generator=g) < 0.3).float(); x[:, -5:] = 0; x[torch.arange(500), 25 + torch.randint(0, 5, (500,), generator=g)] = 1
    def run(share):
        global SHARE
        SHARE, rbm = share, RBM(30, 20, n_softmax=5, generator=torch.Generator().manual_seed(1))
        RBMTrainer(rbm, x, CDOptions(method='pcd', epochs=3, batch=50), seed=0, device='cpu').run(progress=False)
        return rbm.state_dict()
    RBMTrainer.update = clamped_update
    package, replaced, clamped = run(0.0), run(0.001), run(0.5) # 0.001 of 50 chains: 0 clamped, through the replacement
    same = all(torch.equal(package[k], replaced[k]) for k in package)
    moved = max((package[k] - clamped[k]).abs().max().item() for k in package)
    print(f"no chain clamped: the same weights as the package's update, bit for bit: {same}; half the chains clamped: "
          f"the weights differ by up to {moved:.3f}")
    assert same and moved > 0


if __name__ == '__main__':
    if '--check' in sys.argv: check(); sys.exit()
    argv = sys.argv[1:]
    i = argv.index('--clamped_share')
    SHARE = float(argv[i + 1]); del argv[i:i + 2]
    assert 0 <= SHARE < 1, "--clamped_share F needs 0 <= F < 1: some chains must run free, or the label marginal is unconstrained"
    print(f"command: python {' '.join(sys.argv)}; the top RBM's first {SHARE:g} of PCD's chains keep their labels", flush=True)
    RBMTrainer.update = clamped_update
    train_main(argv)
