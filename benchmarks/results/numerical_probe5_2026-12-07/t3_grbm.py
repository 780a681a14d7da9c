import torch, math, itertools, copy
from dbn_book.grbm import GaussianRBM
from dbn_book.cd import exact_grad
torch.set_default_dtype(torch.float32)
def numint_logz(gr, n=4001, L=12):
    W,b,c,z = (p.double() for p in gr.params); s=z.exp().sqrt()
    nv, nh = gr.n_visible, gr.n_hidden
    H = torch.tensor(list(itertools.product([0,1],repeat=nh)),dtype=torch.float64)
    # grid per dim centred around b with width
    grids=[torch.linspace(b[i]-L*s[i]-abs(W[i]).sum()-1, b[i]+L*s[i]+abs(W[i]).sum()+1, n, dtype=torch.float64) for i in range(nv)]
    mesh=torch.stack(torch.meshgrid(*grids, indexing='ij'),-1).reshape(-1,nv)
    dx=math.prod((g[1]-g[0]).item() for g in grids)
    ve = ((mesh-b)**2/(2*s**2)).sum(1)
    x = (mesh/s**2)@W + c
    negF = -ve + torch.nn.functional.softplus(x).sum(1)
    # use exact log(1+e^x)
    negF = -ve + torch.log1p(torch.exp(-x.abs())).sum(1) + x.clamp_min(0).sum(1)
    return (torch.logsumexp(negF,0)+math.log(dx)).item(), negF
for nv,nh,n in [(1,1,20001),(1,3,20001),(2,2,1501)]:
  for sc in [0.3, 2., 5.]:
    gr = GaussianRBM(nv,nh,init_std=sc,seed=5)
    with torch.no_grad(): gr.z.copy_(torch.linspace(-1.5,1.0,nv)); gr.b.normal_(0,1); gr.c.normal_(0,1)
    ex = gr.log_partition_exact().item(); ni,_ = numint_logz(gr, n)
    print(f"{nv}x{nh} sc={sc}: exact {ex:.6f} numint {ni:.6f} diff {ex-ni:.1e}")
# free energy vs brute force: F(v) = -log sum_h exp(-E(v,h))
gr = GaussianRBM(2,3,init_std=1.,seed=6)
with torch.no_grad(): gr.z.copy_(torch.tensor([-1.,0.7])); gr.b.normal_(0,1); gr.c.normal_(0,1)
v = torch.randn(5,2)
H = torch.tensor(list(itertools.product([0,1],repeat=3)),dtype=torch.float32)
E = torch.stack([gr.energy(v, h.expand(5,-1)) for h in H],1).double()
print("F vs brute", (gr.free_energy64(v) + torch.logsumexp(-E,1)).abs().max().item())
# exact gradient of mean log-lik vs autograd of exact log-lik
gd = copy.deepcopy(gr).double()
for p in gd.parameters(): p.requires_grad_(True)
vd = v.double()
ll = (-gd.free_energy(vd) - gd.log_partition_exact()).mean()
ag = torch.autograd.grad(ll, list(gd.params))
eg = exact_grad(gr, v)
for n_, a, e in zip(gr.param_names, ag, eg): print("grad", n_, (a.float()-e).abs().max().item(), a.abs().max().item())
