"f03: DBNTrainer refuses an untied DBN when built, but a DBN untied after that (dbn.untie(), or an UpDownTrainer on the same DBN) is trained on without a word, leaving the generative weights behind."
import torch; torch.set_num_threads(1)
from dbn_book.dbn import DBN, DBNTrainer, DBNOptions
from dbn_book.cd import CDOptions
v = (torch.rand(60, 6, generator=torch.Generator().manual_seed(0)) > 0.5).float()
dbn = DBN([6, 4, 3], seed=0)
t = DBNTrainer(dbn, v, options=DBNOptions(layers=CDOptions(epochs=3, batch=20)), seed=0)
t.run(1, progress=False)
dbn.untie()                                   # e.g. to try up-down on the half-trained DBN
t.run(progress=False)                         # no error, no warning
h = torch.bernoulli(torch.full((5, 4), 0.5), generator=torch.Generator().manual_seed(0))
print("after greedy training went on: |gen_W[0] - rbms[0].W| max =", f"{(dbn.gen_W[0] - dbn.rbms[0].W).abs().max().item():.3f};",
      "down(h, mean=True) vs the trained RBM's P(v|h): max diff", f"{(dbn.down(h, mean=True) - dbn.rbms[0].v_mean(h)).abs().max().item():.3f}")
try: DBNTrainer(dbn, v, options=DBNOptions(layers=CDOptions(epochs=3, batch=20)), seed=0)
except ValueError as e: print("what the constructor says for the same DBN:", str(e)[:120])
