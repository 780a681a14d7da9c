import torch, copy
from dbn_book.rbm import RBM, visible_states
from dbn_book.cd import exact_grad, cd_grad
torch.manual_seed(0)
for nv,nh,s,sc in [(5,3,0,1.),(5,3,3,1.),(6,2,4,5.),(1,1,0,20.),(3,8,0,2.)]:
    r = RBM(nv,nh,n_softmax=s,init_std=sc,seed=1)
    with torch.no_grad(): r.b.normal_(); r.c.normal_()
    V = visible_states(nv,s)
    v = V[torch.randint(len(V),(7,))].float()
    rd = copy.deepcopy(r).double()
    for p in rd.params: p.requires_grad_(True)
    ll = rd.log_likelihood(v.double()).mean()
    ag = torch.autograd.grad(ll, list(rd.params))
    eg = exact_grad(r, v)
    print(nv,nh,s,sc, [f"{(a-e.double()).abs().max().item():.1e}/{a.abs().max().item():.1e}" for a,e in zip(ag,eg)])
