import torch, math, itertools
from dbn_book.grbm import GaussianRBM
from dbn_book.langevin import gibbs_langevin_chain
g = torch.Generator().manual_seed(0)
gr = GaussianRBM(1,2,init_std=0,seed=0)
with torch.no_grad():
    gr.W.copy_(torch.tensor([[1.5,-1.2]])); gr.b.fill_(0.2); gr.c.copy_(torch.tensor([-1.,0.5])); gr.z.fill_(math.log(0.8))
gr = gr.double()
def exact_density(x):
    negF = -gr.free_energy64(x[:,None]) - gr.log_partition_exact()
    return negF.exp()
edges = torch.linspace(-8,8,161, dtype=torch.float64)
mid = (edges[1:]+edges[:-1])/2
# exact bin probs by fine integration
fine = torch.linspace(-8,8,160*200+1, dtype=torch.float64); d = exact_density(fine)
cdf = torch.cat([torch.zeros(1,dtype=torch.float64), torch.cumsum((d[1:]+d[:-1])/2*(fine[1]-fine[0]),0)])
pb = cdf[::200].diff()
print("mass in range", cdf[-1].item())
for step,L,mh in [(0.5,10,True),(1.5,3,True),(1.9,1,True),(1.5,3,False),(0.5,10,False)]:
    v0 = torch.randn(20000,1,generator=g,dtype=torch.float64)
    try:
        ch = gibbs_langevin_chain(gr, v0, k=200, step_size=step, n_langevin=L, generator=g, mh=mh)
    except ValueError as e: print(step, L, e); continue
    cnt = torch.histc(ch.v[:,0], 160, -8, 8)/len(v0)
    tv = 0.5*(cnt-pb).abs().sum().item()
    # noise floor: TV of exact multinomial sample
    ref = torch.multinomial(pb.float(), len(v0), replacement=True, generator=g)
    tv0 = 0.5*(torch.bincount(ref, minlength=160)/len(v0)-pb).abs().sum().item()
    print(f"step {step} L {L} mh {mh}: acc {ch.acceptance:.3f} TV {tv:.4f} (noise floor ~{tv0:.4f}) mean {ch.v.mean().item():.4f} exact mean {(pb*mid).sum().item():.4f}")
v0 = torch.randn(20000,1,generator=g,dtype=torch.float64)
vg = gr.gibbs_chain(v0, 200, g).v
cnt = torch.histc(vg[:,0], 160, -8, 8)/len(v0)
print("plain gibbs TV", 0.5*(cnt-pb).abs().sum().item(), vg.mean().item())
