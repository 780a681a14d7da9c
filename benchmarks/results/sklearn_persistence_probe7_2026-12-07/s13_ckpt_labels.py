import warnings, torch
torch.set_num_threads(1); warnings.simplefilter('ignore')
from dbn_book.dbn import DBN, predict_labels
g = torch.Generator().manual_seed(0); v = (torch.rand(8, 6, generator=g) > .5).float()
for sizes in ([6, 4], [6, 4, 3]):
    for untie in (False, True):
        if untie and len(sizes) == 2: continue
        a = DBN(sizes, n_labels=3, seed=1)
        with torch.no_grad():
            for p in a.parameters(): p.add_(torch.randn(p.shape, generator=g))
        if untie: a.untie()
        a = a.double(); b = DBN.load(a.save('/work/tmp/probe7/ck/lab.pt'))
        s = lambda m: m.sample(4, k=5, labels=torch.tensor([0, 1, 2, 0]), generator=torch.Generator().manual_seed(3))
        print(sizes, 'untied' if untie else 'tied', b.top.W.dtype, b.n_labels, 'sample eq', torch.equal(s(a), s(b)),
              'predict_labels eq', torch.equal(predict_labels(a, v.double()), predict_labels(b, v.double())))
