import torch, math
from dbn_book.rbm import RBM, visible_states
from dbn_book.grbm import GaussianRBM
from dbn_book.ais import raise_log_likelihood, linear_betas
g = torch.Generator().manual_seed(0)
for scale in [0.5, 2.]:
    r = RBM(6,3,init_std=scale,n_softmax=3,seed=2)
    V = visible_states(6,3).float()
    ex = r.log_likelihood(V)
    est = raise_log_likelihood(r, V, betas=linear_betas(500), n_chains=200, generator=g)
    print("bin+lab", scale, "max |raise-exact|", (est-ex).abs().max().item(), "mean(raise-exact)", (est-ex).mean().item())
    est1 = raise_log_likelihood(r, V, betas=[0.,1.], n_chains=2000, generator=g)
    print("   betas [0,1]: mean(raise-exact)", (est1-ex).mean().item())
    gr = GaussianRBM(2,3,init_std=scale,seed=3)
    with torch.no_grad(): gr.z.copy_(torch.tensor([-0.5,0.5])); gr.b.normal_()
    v = torch.randn(8,2)
    ex = gr.log_likelihood(v)
    est = raise_log_likelihood(gr, v, betas=linear_betas(500), n_chains=200, generator=g)
    print("gauss", scale, "max |raise-exact|", (est-ex).abs().max().item(), "mean", (est-ex).mean().item())
