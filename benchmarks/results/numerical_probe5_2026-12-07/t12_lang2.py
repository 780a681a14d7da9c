import torch, math
from dbn_book.grbm import GaussianRBM
from dbn_book.langevin import gibbs_langevin_chain
from dbn_book.rbm import binary_states
g = torch.Generator().manual_seed(0)
gr = GaussianRBM(2,2,init_std=0,seed=0)
with torch.no_grad():
    gr.W.copy_(torch.tensor([[0.8,-0.5],[0.3,0.9]])); gr.b.copy_(torch.tensor([0.2,-0.3])); gr.c.copy_(torch.tensor([-0.5,0.3])); gr.z.copy_(torch.tensor([math.log(0.2), math.log(2.0)]))
# exact: mixture over h
W,b,c,z = (p.double() for p in gr.params); var=z.exp()
H = binary_states(2); A = H@W.T
logw = H@c + ((b*A + A**2/2)/var).sum(1); pw = torch.softmax(logw,0); means = b + A
def bin_probs(edges0, edges1):
    # product of normal CDFs per component
    N = torch.distributions.Normal
    P = 0
    for k in range(4):
        c0 = N(means[k,0], var[0].sqrt()).cdf(edges0).diff(); c1 = N(means[k,1], var[1].sqrt()).cdf(edges1).diff()
        P = P + pw[k]*c0[:,None]*c1[None,:]
    return P
e0 = torch.linspace(-3,3,31,dtype=torch.float64); e1 = torch.linspace(-6,6,31,dtype=torch.float64)
P = bin_probs(e0,e1)
def tv(v):
    i0 = torch.bucketize(v[:,0].double(), e0)-1; i1 = torch.bucketize(v[:,1].double(), e1)-1
    ok = (i0>=0)&(i0<30)&(i1>=0)&(i1<30)
    cnt = torch.zeros(30,30,dtype=torch.float64).index_put_((i0[ok],i1[ok]), torch.ones(int(ok.sum()),dtype=torch.float64), accumulate=True)/len(v)
    return 0.5*(cnt-P).abs().sum().item() + 0.5*(1-P.sum().item()) 
N=40000
ref = torch.multinomial(P.flatten().float(), N, replacement=True, generator=g)
cnt = torch.bincount(ref, minlength=900).double()/N
print("noise floor TV", 0.5*(cnt-P.flatten()).abs().sum().item())
for dt in [torch.float32, torch.float64]:
  m = gr.to(dt)
  for step,L,mh in [(0.3,10,True),(0.35,2,True),(0.35,1,True),(0.1,3,True),(0.35,2,False)]:
    try: ch = gibbs_langevin_chain(m, torch.randn(N,2,generator=g,dtype=dt), k=100, step_size=step, n_langevin=L, generator=g, mh=mh)
    except ValueError as e: print(e); continue
    print(dt, step, L, mh, f"acc {ch.acceptance:.3f} TV {tv(ch.v):.4f}")
vg = gr.gibbs_chain(torch.randn(N,2,generator=g,dtype=gr.W.dtype), 100, g).v
print("plain gibbs TV", tv(vg))
