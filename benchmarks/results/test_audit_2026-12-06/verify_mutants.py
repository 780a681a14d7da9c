"Show that each mutant really changes behaviour (so a passing test under it proves the test blind to it)."
import sys, importlib, torch
from dbn_book.rbm import RBM, bernoulli
from dbn_book.cd import train_rbm, CDOptions
from dbn_book.grbm import GaussianRBM
v30 = bernoulli(torch.full((50, 30), 0.3), torch.Generator().manual_seed(5))
def decay_norms():
    ra, rb = RBM(30, 12, v_data=v30, seed=0), RBM(30, 12, v_data=v30, seed=0)
    for r, wd in ((ra, 0.), (rb, 0.5)): train_rbm(r, v30, epochs=1, batch=50, weight_decay=wd, seed=0, progress=False, device='cpu')
    return ra.W.norm().item(), rb.W.norm().item()
def momentum_matters():
    ra, rb = RBM(30, 12, seed=0), RBM(30, 12, seed=0)
    for r, m in ((ra, (0., 0.)), (rb, (0.5, 0.5))):
        train_rbm(r, v30, epochs=1, batch=10, momentum=m, momentum_epochs=0, seed=0, progress=False, device='cpu')
    return not torch.equal(ra.W, rb.W)
def none_floor():
    g = GaussianRBM(6, 4, seed=0)
    with torch.no_grad(): g.z.fill_(-5.)
    g.constrain_(CDOptions(min_var=None)); return g.var[0].item()
print('original : |W| no decay, with decay 0.5 =', decay_norms(), '; momentum changes W:', momentum_matters(), '; var after min_var=None from e^-5:', none_floor())
import mut_decay_sign
print('mut_decay_sign : |W| no decay, with decay =', decay_norms())
import mut_no_momentum
print('mut_no_momentum: momentum changes W:', momentum_matters())
import mut_none_floor
print('mut_none_floor : var after min_var=None from e^-5:', none_floor())
