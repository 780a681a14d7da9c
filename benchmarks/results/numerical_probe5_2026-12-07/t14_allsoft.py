import torch, itertools
from dbn_book.rbm import RBM, visible_states
from dbn_book.ais import ais_log_partition, raise_log_likelihood, linear_betas
from dbn_book.cd import exact_grad
g = torch.Generator().manual_seed(0)
r = RBM(4,3,n_softmax=4,init_std=2.,seed=1)
with torch.no_grad(): r.b.normal_(); r.c.normal_()
V = visible_states(4,4); H = torch.tensor(list(itertools.product([0,1],repeat=3)),dtype=torch.float64)
E = -(V@r.b.double())[:,None]-(H@r.c.double())[None]-V@r.W.double()@H.T
print("logZ", r.log_partition_exact().item(), torch.logsumexp(-E.flatten(),0).item())
res = ais_log_partition(r, n_chains=200, betas=linear_betas(500), generator=g); print(res)
print("raise", raise_log_likelihood(r, V.float(), betas=linear_betas(300), n_chains=100, generator=g), r.log_likelihood(V))
print(exact_grad(r, V[:2].float())[1])
