"f04: trainers keep the caller's v_train itself when it is float32 (a later in-place edit of it changes training), but a copy when it is float64/uint8."
import torch; torch.set_num_threads(1)
from dbn_book.rbm import RBM
from dbn_book.cd import RBMTrainer, CDOptions
base = (torch.rand(60, 6, generator=torch.Generator().manual_seed(0)) > 0.5).float()
for dtype in (torch.float32, torch.float64):
    W = []
    for edit in (False, True):
        x = base.to(dtype).clone(); rbm = RBM(6, 4, seed=0)
        t = RBMTrainer(rbm, x, CDOptions(epochs=2, batch=20), seed=0)
        if edit: x[:30] = 0                # the caller reuses its buffer for other data after building the trainer
        t.run(progress=False); W.append(rbm.W.clone())
    print(f"v_train {dtype}: editing it after RBMTrainer(...) changes the trained weights: {not torch.equal(*W)}; "
          f"baseline (set at construction) {t.baseline:.3f} vs the rows trained on {t.v_train.var(0, correction=0).sum().item():.3f}")
