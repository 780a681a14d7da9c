# FineTuneOptions(head_epochs=...): "train only the output layer for this many epochs first";
# dbn_train --head_epochs: "how many of the --mlp_epochs train only the output layer, first".
# With max_norm set, the hidden layers' weights still change during the head epochs (renorm_ after every update).
import torch; torch.set_num_threads(1)
from dbn_book import DBN, train_dbn, mlp_from_dbn, FineTuner, FineTuneOptions
g = torch.Generator().manual_seed(0)
v = torch.bernoulli(torch.full((120, 12), .35), generator=g); y = torch.randint(3, (120,), generator=g)
dbn = DBN([12, 8, 6], n_labels=3, v_data=v, seed=0)
train_dbn(dbn, v, y, epochs=2, batch=40, progress=False, seed=0)
for max_norm in (None, 0.05):
    mlp = mlp_from_dbn(dbn, 3, seed=0); W0 = [l.weight.clone() for l in mlp.hidden]
    FineTuner(mlp, v, y, FineTuneOptions(epochs=2, head_epochs=1, max_norm=max_norm), seed=0).run(1, progress=False) # the head epoch only
    moved = [(W0[i] - l.weight).abs().max().item() for i, l in enumerate(mlp.hidden)]
    print(f"max_norm={max_norm}: after the head epoch the hidden weights moved by up to {moved}")
