import torch
from dbn_book.rbm import RBM
from dbn_book.ais import ais_log_partition, linear_betas, raise_log_likelihood
from dbn_book.rbm import visible_states
g = torch.Generator().manual_seed(0)
for sc in [20., 50.]:
  for dt in [torch.float32, torch.float64]:
    r = RBM(5,3,init_std=sc,n_softmax=2,seed=4).to(dt)
    ex = r.log_partition_exact().item()
    res = ais_log_partition(r, n_chains=500, betas=linear_betas(3000), generator=g)
    print(sc, dt, f"exact {ex:.4f}", res, "ok" if res.log_z_low<=ex<=res.log_z_high else "OUTSIDE")
