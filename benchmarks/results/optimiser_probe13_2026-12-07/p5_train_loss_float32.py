"""Probe 13, o01: FineTuner's per-epoch train_loss is summed in a float32 accumulator even for a float64 network.
With lr = 0 (the network never moves, no dropout) the epoch's train_loss must equal evaluate()'s mean loss on the
same rows; in float64 the two should agree to ~1e-15."""
import torch, json
torch.set_num_threads(1)
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions, evaluate
g = torch.Generator().manual_seed(0)
X = torch.rand(100, 10, generator=g, dtype=torch.float64); Y = torch.randint(3, (100,), generator=g)
mlp = MLP([10, 8], n_classes=3, seed=1).double()
with torch.no_grad():
    for p in mlp.parameters(): p.mul_(3)
t = FineTuner(mlp, X, Y, FineTuneOptions(epochs=1, lr=1e-300, momentum=0.0, batch=7, schedule='constant'), seed=0, device='cpu')
rec = t.run(progress=False)[-1]
ev = evaluate(mlp, X, Y)
print(json.dumps({'train_loss_record': rec['train_loss'], 'evaluate_loss_float64': ev['loss'], 'diff': rec['train_loss'] - ev['loss'],
                  'accumulator_dtype': str(torch.zeros(()).dtype)}))
