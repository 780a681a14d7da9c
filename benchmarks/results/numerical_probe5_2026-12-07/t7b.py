import torch, math
from dbn_book.rbm import RBM, visible_states, binary_states
from dbn_book.ais import raise_log_likelihood
g = torch.Generator().manual_seed(0)
r = RBM(6,3,init_std=2.,n_softmax=3,seed=2).double()
V = visible_states(6,3)
H = binary_states(3)
def logp_v_given_h(r, V, H, W, b):  # [nh_states, nv_states]
    a = H@W.T + b
    s = r.n_visible - r.n_softmax
    lp = (V[None,:,:s]*torch.nn.functional.logsigmoid(a[:,None,:s]) + (1-V[None,:,:s])*torch.nn.functional.logsigmoid(-a[:,None,:s])).sum(-1)
    lp += (V[None,:,s:]*torch.log_softmax(a[:,None,s:],-1)).sum(-1)
    return lp
base = r.base_model()
# p_0(v0)
lp0 = -base.free_energy64(V) - base.log_partition_exact()
ph = torch.sigmoid(V@r.W + r.c) # [nv, nh]
PH = torch.exp((H[None]*torch.log(ph[:,None]) + (1-H[None])*torch.log1p(-ph[:,None])).sum(-1)) # [nv, nhs]
PV = logp_v_given_h(r, V, H, r.W, r.b).exp() # [nhs, nv]
pann = lp0.exp() @ PH @ PV
print("sum p_ann", pann.sum().item())
est = raise_log_likelihood(r, V, betas=[0.,1.], n_chains=20000, generator=g)
ex = r.log_likelihood(V)
print("max |raise - log p_ann|", (est - pann.log()).abs().max().item())
print("mean(log p_ann - log p)", (pann.log()-ex).mean().item(), " E_p[log p_ann - log p]", ((ex.exp())*(pann.log()-ex)).sum().item())
