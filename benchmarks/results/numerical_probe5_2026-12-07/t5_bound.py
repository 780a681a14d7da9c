import torch, math, itertools
from dbn_book.dbn import DBN
from dbn_book.ais import dbn_log_likelihood_bound
from dbn_book.rbm import binary_states
torch.manual_seed(0)
def exact_bound(dbn, v):
    # general L-layer: enumerate all hidden layers below the top input
    rbms = dbn.rbms; L = len(rbms)-1
    top = dbn.top
    lz = top.log_partition_exact().double()
    out=[]
    for row in v.double():
        # recursive enumeration
        def rec(i, x, logq, acc):
            if i == L:
                ys = range(dbn.n_labels) if dbn.n_labels else [None]
                lps=[]
                for y in ys:
                    xi = x[None]
                    if y is not None: xi = torch.cat([xi, torch.nn.functional.one_hot(torch.tensor([y]),dbn.n_labels).double()],1)
                    lps.append(-top.free_energy64(xi)[0])
                lp = torch.logsumexp(torch.stack(lps),0)
                return math.exp(logq)*(acc + lp.item() - lz.item())
            r = rbms[i]; W,b = dbn.generative(i); W,b=W.double(),b.double()
            a = (r.c.double() + x @ r.W.double())
            q = torch.sigmoid(a)
            H = -(q*torch.log(q.clamp_min(1e-300)) + (1-q)*torch.log((1-q).clamp_min(1e-300))).sum().item()
            tot = 0.
            for h in binary_states(r.n_hidden):
                lq = (h*torch.nn.functional.logsigmoid(a) + (1-h)*torch.nn.functional.logsigmoid(-a)).sum().item()
                logits = b + W@h
                lpv = (x*torch.nn.functional.logsigmoid(logits) + (1-x)*torch.nn.functional.logsigmoid(-logits)).sum().item()
                tot += rec(i+1, h, logq+lq, acc + lpv + H)
            return tot
        out.append(rec(0, row, 0., 0.))
    return torch.tensor(out, dtype=torch.float64)
g = torch.Generator().manual_seed(1)
for sizes, nl in [([4,3,2],0),([4,3,2],2),([4,3,3,2],3),([3,2,1],2)]:
  for untied in [False, True]:
    for scale in [1., 4.]:
        dbn = DBN(sizes, n_labels=nl, seed=3)
        with torch.no_grad():
            for r in dbn.rbms:
                r.W.normal_(0,scale); r.b.normal_(0,1); r.c.normal_(0,1)
        if untied:
            dbn.untie()
            with torch.no_grad():
                for p in list(dbn.gen_W)+list(dbn.gen_b): p.add_(torch.randn_like(p))
        v = binary_states(sizes[0]).float()
        ex = exact_bound(dbn, v)
        lz = dbn.top.log_partition_exact().item()
        est = dbn_log_likelihood_bound(dbn, v, lz, n_samples=20000, generator=g)
        d = (est-ex).abs().max().item()
        print(sizes, nl, 'untied' if untied else 'tied', scale, f"max|est-exact| {d:.4f}  (exact range {ex.min():.2f}..{ex.max():.2f})", '<<<' if d>0.1 else '')
