"The assertions proposed in report.md, run against the code as it is (they must pass) and under each mutant (they must fail)."
import sys, torch, importlib
from fastcore.test import test_close
from dbn_book.rbm import RBM, bernoulli
from dbn_book.cd import train_rbm, CDOptions
from dbn_book.grbm import GaussianRBM
G = lambda s: torch.Generator().manual_seed(s)
v30 = bernoulli(torch.full((50, 30), 0.3), G(5))

def decay():
    "weight decay: one full-batch update; the decayed run's W is the plain run's minus lr * wd * W0, biases equal."
    ra, rb, r0 = (RBM(30, 12, v_data=v30, seed=0) for _ in range(3))
    for r, wd in ((ra, 0.), (rb, 0.5)): train_rbm(r, v30, epochs=1, batch=50, weight_decay=wd, seed=0, progress=False, device='cpu')
    lr = CDOptions().lr
    test_close(rb.W, ra.W - lr * 0.5 * r0.W, eps=1e-6)
    assert rb.W.norm() < ra.W.norm()

def momentum():
    "momentum_epochs=0: (0, 0.5) equals (0.5, 0.5) and differs from (0, 0): the final momentum is used from the first epoch."
    ra, rb, r0 = (RBM(30, 12, seed=0) for _ in range(3))
    for r, m in ((ra, (0., 0.5)), (rb, (0.5, 0.5)), (r0, (0., 0.))):
        train_rbm(r, v30, epochs=1, batch=10, momentum=m, momentum_epochs=0, seed=0, progress=False, device='cpu')
    assert torch.equal(ra.W, rb.W) and not torch.equal(r0.W, rb.W)

def no_floor():
    "min_var=None: no floor, so a variance below the default floor stays where it is."
    g = GaussianRBM(6, 4, seed=0)
    with torch.no_grad(): g.z.fill_(-5.)
    g.constrain_(CDOptions(min_var=None)); test_close(g.var, torch.full((6,), torch.e ** -5), eps=1e-6)

checks = {'decay': decay, 'momentum': momentum, 'no_floor': no_floor}
mutant_of = {'decay': 'mut_decay_sign', 'momentum': 'mut_no_momentum', 'no_floor': 'mut_none_floor'}
which = sys.argv[1] if len(sys.argv) > 1 else None
for name, f in checks.items():
    if which and which != mutant_of[name]: continue
    try: f(); print(f'{name}: PASS' + (f' under {which}' if which else ' on the code as it is'))
    except AssertionError as e: print(f'{name}: FAIL' + (f' under {which}' if which else ' on the code as it is'), str(e)[:80])
