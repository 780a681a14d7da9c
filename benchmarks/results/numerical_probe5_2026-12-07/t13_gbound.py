import torch, math
import torch.nn.functional as F
from dbn_book.dbn import DBN
from dbn_book.rbm import RBM, binary_states
from dbn_book.grbm import GaussianRBM
from dbn_book.ais import dbn_log_likelihood_bound
g = torch.Generator().manual_seed(0)
gr = GaussianRBM(2,3,init_std=1.,seed=1)
with torch.no_grad(): gr.z.copy_(torch.tensor([-0.7,0.4])); gr.b.normal_(); gr.c.normal_()
top = RBM(3+2,2,n_softmax=2,init_std=1.5,seed=2)
with torch.no_grad(): top.b.normal_(); top.c.normal_()
dbn = DBN.from_rbms([gr, top])
v = torch.randn(6,2)
lz = top.log_partition_exact().item()
# exact bound
ex=[]
for x in v.double():
    a = gr.c.double() + (x/gr.var.double())@gr.W.double()
    q = torch.sigmoid(a); Hq = (F.softplus(a) - q*a).sum()
    tot = 0.
    for h in binary_states(3):
        lq = (h*F.logsigmoid(a)+(1-h)*F.logsigmoid(-a)).sum()
        mean = gr.b.double()+gr.W.double()@h; var = gr.var.double()
        lpv = (-0.5*(math.log(2*math.pi)+var.log()+(x-mean)**2/var)).sum()
        lpt = torch.logsumexp(torch.stack([-top.free_energy64(torch.cat([h, F.one_hot(torch.tensor(y),2).double()])[None])[0] for y in range(2)]),0)
        tot += lq.exp()*(lpv+lpt-lz)
    ex.append((tot+Hq).item())
ex = torch.tensor(ex,dtype=torch.float64); N=40000
s = dbn_log_likelihood_bound(dbn, v.repeat(N,1), lz, n_samples=1, generator=g).view(N,-1)
print("exact", ex); print("est  ", s.mean(0)); print("z", ((s.mean(0)-ex)/(s.std(0)/math.sqrt(N))))
