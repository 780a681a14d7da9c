import torch, math
from dbn_book.rbm import RBM
from dbn_book.grbm import GaussianRBM
from dbn_book.ais import ais_log_partition, raise_log_likelihood, linear_betas, sm_betas
g = torch.Generator().manual_seed(0)
def run(name, r, betas, n_chains=200, v_data=None):
    ex = r.log_partition_exact().item()
    res = ais_log_partition(r, n_chains=n_chains, betas=betas, generator=g, v_data=v_data)
    ok = res.log_z_low <= ex <= res.log_z_high
    print(f"{name}: exact {ex:.4f} ais {res.log_z:.4f} [{res.log_z_low:.4f},{res.log_z_high:.4f}] {'ok' if ok else '<<< OUTSIDE'}")
for scale in [0.5, 2, 5]:
    r = RBM(6, 4, init_std=scale, seed=2)
    run(f"bin scale {scale} 1000 lin", r, linear_betas(1000))
    r = RBM(7, 4, init_std=scale, n_softmax=3, seed=3)
    with torch.no_grad(): r.b.normal_(0,1)
    run(f"lab scale {scale} 1000 lin", r, linear_betas(1000))
    run(f"lab scale {scale} sm 1000", r, sm_betas(1000))
    run(f"lab scale {scale} betas [0,1]", r, [0.,1.], n_chains=5000)
    run(f"lab scale {scale} repeated", r, [0.]+[0.5]*50+[1.]*50, n_chains=2000)
    run(f"lab scale {scale} 2 chains", r, linear_betas(2000), n_chains=2)
    gr = GaussianRBM(3, 4, init_std=scale*0.5, seed=4)
    with torch.no_grad(): gr.z.copy_(torch.tensor([0.,-1.,1.])); gr.b.normal_(0,1)
    run(f"gauss scale {scale} 1000 lin", gr, linear_betas(1000))
    run(f"gauss scale {scale} [0,1]", gr, [0.,1.], n_chains=5000)
    x = torch.randn(50,3)*3+2
    run(f"gauss scale {scale} v_data base", gr, linear_betas(1000), v_data=x)
