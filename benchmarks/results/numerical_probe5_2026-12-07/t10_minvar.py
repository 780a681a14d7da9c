import torch, math
from dbn_book.grbm import GaussianRBM
from dbn_book.cd import RBMTrainer, CDOptions
g = torch.Generator().manual_seed(0)
x = torch.randn(60, 3, generator=g) * torch.tensor([0.05, 1., 3.])
for method, fast in [('cd',0.),('pcd',0.),('pcd',0.05)]:
    gr = GaussianRBM(3, 4, v_data=x, seed=0)
    o = CDOptions(epochs=3, lr=0.01, lr_var=0.5, min_var=0.5, batch=7, method=method, fast_lr=fast, momentum=(0.5,0.9))
    t = RBMTrainer(gr, x, o, seed=1, device='cpu')
    mins = []
    orig = t.update
    def upd(v0, eps, mu):
        out = orig(v0, eps, mu); mins.append(gr.var.min().item()); return out
    t.update = upd
    t.run(progress=False)
    print(method, fast, "min var over updates", min(mins), "floor 0.5", '<<<' if min(mins) < 0.5*(1-1e-6) else 'ok')
