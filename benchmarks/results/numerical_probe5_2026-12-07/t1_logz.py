import torch, math, itertools
from dbn_book.rbm import RBM
torch.manual_seed(0)
def brute_logz(r):
    W,b,c = r.W.double(), r.b.double(), r.c.double()
    nv, nh, s = r.n_visible, r.n_hidden, r.n_softmax
    vs=[]
    for bits in itertools.product([0,1], repeat=nv-s):
        if s:
            for j in range(s):
                y=[0]*s; y[j]=1; vs.append(list(bits)+y)
        else: vs.append(list(bits))
    V=torch.tensor(vs,dtype=torch.float64)
    H=torch.tensor(list(itertools.product([0,1],repeat=nh)),dtype=torch.float64)
    E = -(V@b)[:,None] - (H@c)[None,:] - V@W@H.T
    return torch.logsumexp((-E).flatten(),0).item(), V, torch.logsumexp(-E,1)
for scale in [0.1, 5, 20, 50, 200]:
  for s in [0,3]:
    for nv,nh in [(5,3),(3,6),(1,1),(4,1)]:
      if s>nv: continue
      r = RBM(nv, nh, n_softmax=s, init_std=scale, seed=1)
      with torch.no_grad(): r.b.normal_(0,scale); r.c.normal_(0,scale)
      lz = r.log_partition_exact().item()
      ref, V, negF = brute_logz(r)
      F32 = r.free_energy(V.float()).double(); F64 = r.free_energy64(V)
      ll = r.log_likelihood(V)
      ll_ref = negF - ref
      e1 = abs(lz-ref)/max(1,abs(ref)); e2=(F64+negF).abs().max().item(); e3=((F32+negF).abs()/negF.abs().clamp_min(1)).max().item()
      e4=(ll-ll_ref).abs().max().item()
      flag = '' if e1<1e-10 and e2<1e-8*max(1,negF.abs().max().item()) and e4 < 1e-8*max(1,abs(ref)) else ' <<<'
      print(f"scale={scale} s={s} {nv}x{nh}: logZ rel {e1:.1e} F64 abs {e2:.1e} F32 rel {e3:.1e} ll {e4:.1e} logZ={ref:.4g}{flag}")
