"""a05: trainer states and checkpoints across devices, on the CPU.
1. Every tensor in an RBMTrainer / FineTuner (SGD and Adam) / DBN checkpoint state is a CPU tensor, and the state reads back
   with torch.load(weights_only=True): a CUDA-made state loads on a CPU-only machine without map_location.
2. A state whose 'device' is 'cuda' (as a Colab run writes it) is refused by a CPU trainer: the message, as dbn_train shows it.
3. dbn_train lists --device among the options free on --resume."""
import io, tempfile, torch, pathlib
from dbn_book.rbm import RBM
from dbn_book.cd import RBMTrainer, CDOptions
from dbn_book.finetune import MLP, FineTuner, FineTuneOptions
from dbn_book.dbn import DBN
from dbn_book import cli

def tensors(x, path='state'):
    if isinstance(x, torch.Tensor): yield path, x
    elif isinstance(x, dict):
        for k, v in x.items(): yield from tensors(v, f"{path}[{k!r}]")
    elif isinstance(x, (list, tuple)):
        for i, v in enumerate(x): yield from tensors(v, f"{path}[{i}]")

g = torch.Generator().manual_seed(0)
v = (torch.rand(64, 12, generator=g) < .5).float(); y = torch.randint(3, (64,), generator=g)
t = RBMTrainer(RBM(12, 5, seed=0), v, CDOptions(epochs=2, batch=16, method='pcd', fast_lr=0.01), seed=0, device='cpu', exact_units=0)
t.run(1, progress=False)
states = {'RBMTrainer(pcd, fast)': t.state_dict()}
for opt in ('sgd', 'adam'):
    f = FineTuner(MLP([12, 8], 3, seed=0), v, y, FineTuneOptions(epochs=2, batch=16, optimizer=opt, lr=0.01), seed=0, device='cpu')
    f.run(1, progress=False); states[f'FineTuner({opt})'] = f.state_dict()
for name, s in states.items():
    devs = {str(x.device) for _, x in tensors(s)}
    buf = io.BytesIO(); torch.save(s, buf); buf.seek(0); torch.load(buf, weights_only=True)
    print(f"{name}: {sum(1 for _ in tensors(s))} tensors, devices {devs}, generator state {tuple(s['generator'].shape)} bytes; weights_only reload OK")
with tempfile.TemporaryDirectory() as d:
    p = DBN([12, 6, 4], n_labels=3, seed=0).save(pathlib.Path(d) / 'c.pt')
    print("DBN.save -> DBN.load OK:", DBN.load(p).top.W.device)

s = dict(states['RBMTrainer(pcd, fast)']); s['device'] = 'cuda'
fresh = RBMTrainer(RBM(12, 5, seed=0), v, CDOptions(epochs=2, batch=16, method='pcd', fast_lr=0.01), seed=0, device='cpu', exact_units=0)
try: fresh.load_state_dict(s); print("cuda state loaded on the CPU")
except ValueError as e: print(f"\ncuda-made state on a CPU trainer: ValueError: {e}\n(dbn_train prints it as: --resume PATH: {e})")
print("\n'device' in cli._FREE_ON_RESUME:", 'device' in cli._FREE_ON_RESUME, cli._FREE_ON_RESUME)
