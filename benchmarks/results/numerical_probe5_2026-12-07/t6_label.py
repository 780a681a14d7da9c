import torch, math
from dbn_book.dbn import DBN
from dbn_book.sampling import label_marginal, match_label_prior
from dbn_book.rbm import visible_states
g = torch.Generator().manual_seed(0)
def exact_py(dbn):
    top = dbn.top; V = visible_states(top.n_visible, top.n_softmax)
    negF = -top.free_energy64(V); lz = torch.logsumexp(negF,0)
    p = (negF-lz).exp(); y = V[:, -dbn.n_labels:].argmax(1)
    return torch.zeros(dbn.n_labels,dtype=torch.float64).index_add_(0,y,p)
for sizes,nl,scale in [([4,3,3],3,1.),([4,3,3],3,3.),([3,2,4],4,2.),([2,1],3,1.),([3,2,1],2,2.)]:
    dbn = DBN(sizes, n_labels=nl, seed=1)
    with torch.no_grad():
        dbn.top.W.normal_(0,scale); dbn.top.b.normal_(0,1); dbn.top.c.normal_(0,1)
    ex = exact_py(dbn)
    est = label_marginal(dbn, n=400, steps=1000, burn=200, generator=g)
    print(sizes, nl, scale, "exact", [round(x,4) for x in ex.tolist()], "est", [round(x,4) for x in est.tolist()], f"max diff {(est-ex).abs().max():.4f}")
    y = torch.arange(nl).repeat_interleave(torch.arange(1,nl+1))
    q = torch.bincount(y).double(); q/=q.sum()
    match_label_prior(dbn, y, rounds=2, generator=g, n=400, steps=1000, burn=200)
    print("   after match: exact P(y)", [round(x,4) for x in exact_py(dbn).tolist()], "target", [round(x,4) for x in q.tolist()])
