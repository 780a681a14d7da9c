"A DBNTrainer refuses an untied DBN when built; does it notice a DBN untied after it was built (e.g. by an UpDownTrainer on the same DBN)?"
from _common import *
from dbn_book.cd import CDOptions
from dbn_book.dbn import DBNTrainer, DBNOptions
from dbn_book.updown import UpDownTrainer, UpDownOptions

v, y = data()
dbn = DBN([8, 5, 3], seed=0)
t = DBNTrainer(dbn, v, options=DBNOptions(layers=CDOptions(epochs=2, batch=20)), seed=0)
t.run(1, progress=False)                                   # layer 0, epoch 1 of 2
u = UpDownTrainer(dbn, v, options=UpDownOptions(epochs=1, batch=20), seed=0)  # unties the same DBN
print("after UpDownTrainer(dbn): dbn.tied =", dbn.tied)
G0, W0 = dbn.gen_W[0].clone(), dbn.rbms[0].W.clone()
try:
    t.run(progress=False)
    print("DBNTrainer.run went on without a word: layer 0's recognition W moved by", f"{(dbn.rbms[0].W - W0).abs().max().item():.3g};",
          "its generative copy gen_W[0] moved by", f"{(dbn.gen_W[0] - G0).abs().max().item():.3g}")
    # what down() now uses
    h = torch.bernoulli(torch.full((4, 5), 0.5), generator=torch.Generator().manual_seed(0))
    stale = (dbn.down(h, mean=True) - dbn.rbms[0].v_mean(h)).abs().max().item()
    print(f"down(h, mean=True) differs from the greedily trained RBM's P(v|h) by up to {stale:.3f}: sampling uses weights greedy training left behind")
except ValueError as e:
    print("DBNTrainer.run refuses:", e)
try:
    t2 = DBNTrainer(dbn, v, options=DBNOptions(layers=CDOptions(epochs=2, batch=20)), seed=0)
except ValueError as e:
    print("a new DBNTrainer on the same DBN refuses:", str(e)[:110])
