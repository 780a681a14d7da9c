"f07 (cosmetic): values handed back that are the caller's or the trainer's own objects."
import torch; torch.set_num_threads(1)
from dbn_book.rbm import RBM
from dbn_book.dbn import DBN
from dbn_book.cd import RBMTrainer, CDOptions
v = (torch.rand(60, 6, generator=torch.Generator().manual_seed(0)) > 0.5).float()
t = RBMTrainer(RBM(6, 4, seed=0), v, CDOptions(epochs=3, batch=20), seed=0)
first = t.run(1, progress=False); n = len(first); t.run(progress=False)
print(f"the list run(1) returned had {n} record(s); after a second run it has {len(first)} (it is trainer.history: {first is t.history})")
dbn = DBN([6, 4, 3], seed=0)
print("DBN.up(v, n_layers=0) is v:", dbn.up(v, n_layers=0) is v)
h = torch.bernoulli(torch.full((2, 6), 0.5)); print("one-RBM DBN.down(h) is h:", DBN([6, 4], seed=0).down(h) is h)
