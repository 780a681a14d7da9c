"""Calibration of two chapter checks tightened on 2026-12-06: how far a correct estimate and a planted bug land from the
threshold each check uses. Seconds on a CPU.

    python benchmarks/check_calibration.py | tee benchmarks/results/check_calibration.txt

(1) Chapter 2: CD-k's relative bias against the exact gradient, beside the noise floor of one naive MCMC estimate, at the
    chapter's two sizes (200 copies of the batch under IN_TEST, 2,000 otherwise); the check asserts CD-64 < 3 x floor.
(2) Chapter 4: total variation between 80,000 top-RBM chains (50 Gibbs steps) and the exact marginal of h^(1), for the
    chapter's model (random W, b and c), for exact samples, and for models with a planted bug; the check asserts < 0.03.
    Then the v-marginal of DBN.sample (20,000 samples) against the exact P(v); the check asserts < 0.03 after 50 steps."""
import argparse; argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args() # no options: --help shows the docstring
import math, torch
from dbn_book import DBN, RBM, bernoulli
from dbn_book.cd import cd_grad, pcd_grad, exact_grad
from dbn_book.rbm import binary_states

def rel(est, ref): return ((est - ref).norm() / ref.norm()).item()

def naive(rbm, v, g): return pcd_grad(rbm, v, bernoulli(torch.full((len(v), rbm.n_visible), 0.5), g), 500, g).grad

print("(1) chapter 2: relative error of E[dW] against the exact gradient")
for reps in (200, 2000):
    g = torch.Generator().manual_seed(1)
    slow = RBM(10, 6, init_std=1.5, generator=g); slow.c.data.normal_(0, 1, generator=g)
    protos = bernoulli(torch.full((2, 10), 0.5), g)
    v = ((protos.repeat(10, 1) + bernoulli(torch.full((20, 10), 0.1), g)) % 2)
    exact, v_rep = exact_grad(slow, v)[0], v.repeat(reps, 1)
    cd = {k: rel(cd_grad(slow, v_rep, k, g)[0], exact) for k in (1, 2, 4, 8, 16, 32, 64)}
    naive_err = rel(naive(slow, v_rep, g)[0], exact)
    floor = rel(naive(slow, v_rep, g)[0], naive(slow, v_rep, g)[0]) / math.sqrt(2)
    print(f"  {reps:5d} copies: " + ", ".join(f"CD-{k} {e:.4f}" for k, e in cd.items()) +
          f"; naive {naive_err:.4f}; noise floor {floor:.4f}; threshold 3 x floor = {3 * floor:.4f}: "
          f"CD-64 {'passes' if cd[64] < 3 * floor else 'FAILS'}, CD-8 {'passes' if cd[8] < 3 * floor else 'fails'}")

def tiny_dbn():
    d, g3 = DBN([6, 8, 5], seed=0), torch.Generator().manual_seed(3)
    for p in (d.top.W, d.top.b, d.top.c): p.data.normal_(0, 0.8, generator=g3)
    return d

states = binary_states(8).float()
p_exact = torch.softmax(-tiny_dbn().top.free_energy(states).double(), 0)
def tv_chains(d, n=80_000):
    gen = torch.Generator().manual_seed(4)
    x = d.top.gibbs_chain(bernoulli(torch.sigmoid(d.top.b).expand(n, -1).contiguous(), gen), 50, gen).v
    return 0.5 * (torch.bincount((x * 2 ** torch.arange(8)).sum(1).long(), minlength=256).double() / n - p_exact).abs().sum().item()
exact = torch.multinomial(p_exact, 80_000, replacement=True, generator=torch.Generator().manual_seed(0))
print("(2) chapter 4: total variation of the chains' h^(1) from the exact marginal (threshold 0.03)")
print(f"  exact samples {0.5 * (torch.bincount(exact, minlength=256).double() / 80_000 - p_exact).abs().sum().item():.4f}")
print(f"  the chapter's model {tv_chains(tiny_dbn()):.4f}")
for name, bug in [('b zeroed', lambda d: d.top.b.data.zero_()), ('c zeroed', lambda d: d.top.c.data.zero_()),
                  ('W x 0.9', lambda d: d.top.W.data.mul_(0.9)), ('W x 0.95', lambda d: d.top.W.data.mul_(0.95))]:
    d = tiny_dbn(); bug(d); print(f"  planted: {name:9s} {tv_chains(d):.4f}")
d = tiny_dbn(); d.rbms[0].W.data.normal_(0, 1.5, generator=torch.Generator().manual_seed(5))
vs, pv_h = binary_states(6).double(), d.rbms[0].v_mean(states).double()
p_v = p_exact @ torch.exp(vs @ pv_h.log().T + (1 - vs) @ (1 - pv_h).log().T).T
def tv_v(k): 
    v = d.sample(20_000, k=k, generator=torch.Generator().manual_seed(4))
    return 0.5 * (torch.bincount((v * 2 ** torch.arange(6)).sum(1).long(), minlength=64).double() / 20_000 - p_v).abs().sum().item()
ex = torch.multinomial(p_v, 20_000, replacement=True, generator=torch.Generator().manual_seed(0))
print(f"  v-marginal of DBN.sample: exact samples {0.5 * (torch.bincount(ex, minlength=64).double() / 20_000 - p_v).abs().sum().item():.4f}, "
      f"after 50 steps {tv_v(50):.4f}, with none {tv_v(0):.4f} (threshold 0.03, between the two)")
