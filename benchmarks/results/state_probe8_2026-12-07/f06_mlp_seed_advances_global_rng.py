"f06: MLP(..., seed=s) (so mlp_from_dbn and DBNClassifier.fit too) draws from torch's global generator (nn.Linear's default init, then overwritten); RBM(seed=) and DBN(seed=) do not."
import torch; torch.set_num_threads(1)
from dbn_book.rbm import RBM
from dbn_book.dbn import DBN
from dbn_book.finetune import MLP
from dbn_book.cd import RBMTrainer, CDOptions
for name, make in (('RBM(seed=0)', lambda: RBM(6, 4, seed=0)), ('DBN(seed=0)', lambda: DBN([6, 4, 3], seed=0)), ('MLP(seed=0)', lambda: MLP([6, 4], 2, seed=0))):
    torch.manual_seed(0); s = torch.get_rng_state(); make()
    print(f"{name}: torch's global generator advanced: {not torch.equal(s, torch.get_rng_state())}")
# consequence: an unseeded trainer (its seed drawn from the global generator) trains differently if a seeded MLP was built first
v = (torch.rand(60, 6, generator=torch.Generator().manual_seed(0)) > 0.5).float()
def run(build_mlp_first):
    torch.manual_seed(0)
    if build_mlp_first: MLP([6, 4], 2, seed=0)
    r = RBM(6, 4, seed=0); RBMTrainer(r, v, CDOptions(epochs=1, batch=20)).run(progress=False); return r.W
print("torch.manual_seed(0); [MLP(seed=0)]; RBMTrainer(no seed): same weights with and without the MLP:", torch.equal(run(False), run(True)))
