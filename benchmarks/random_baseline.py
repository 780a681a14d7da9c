"""The random-initialisation baseline of benchmarks/dbn_mnist.py at its own learning rate. At dbn_train's fine-tuning
rate (SGD 0.1, momentum 0.9) the randomly initialised 784-500-500-2000 sigmoid network collapsed to predicting one
class in every epoch (dbn_mnist_main_10x20.txt), with PyTorch's default and with Glorot initialisation alike: its
2,000 top units all sit near 0.5, so one step moves the logits by tens. A ten times smaller rate is the fair baseline.

    OMP_NUM_THREADS=1 nice python benchmarks/random_baseline.py --epochs 20 --lr 0.01 [--init glorot]

Since 2026-11-30 it trains on the first 50,000 training images, watches the last 10,000 (validation) and scores the
test images once at the end; the results files written before then watched the test error each epoch.
benchmarks/classification.py runs the fair baseline (learning rate chosen on validation) beside the DBN.
"""
import argparse, time
from pathlib import Path
import torch
from torch import nn
from dbn_book.data import load_mnist, mnist_tensors, local_mnist_folder
from dbn_book.finetune import MLP, finetune

p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=20); p.add_argument('--lr', type=float, default=0.01)
p.add_argument('--init', choices=('default', 'glorot'), default='default'); p.add_argument('--optimizer', choices=('sgd', 'adam'), default='sgd')
a = p.parse_args()
folder = local_mnist_folder()
if folder is None: raise SystemExit("random_baseline: the full MNIST was not found; skipping")
v_tr, y_tr, v_te, y_te = mnist_tensors(load_mnist(folder), seed=0) # the same binarisation as dbn_train --seed 0
v_tr, y_tr, v_va, y_va = v_tr[:-10_000], y_tr[:-10_000], v_tr[-10_000:], y_tr[-10_000:]
mlp = MLP([784, 500, 500, 2000], seed=0)
for layer in [*mlp.hidden, mlp.out] if a.init == 'glorot' else []:
    nn.init.xavier_uniform_(layer.weight, generator=torch.Generator().manual_seed(0)); nn.init.zeros_(layer.bias)
t0 = time.perf_counter()
hist = finetune(mlp, v_tr, y_tr, epochs=a.epochs, lr=a.lr, batch=100, optimizer=a.optimizer, v_valid=v_va, y_valid=y_va, seed=0, device='cpu',
                progress=False, callback=lambda t, r: print(f"epoch {r['epoch']:2d}  validation error {100 * r['valid_error']:.2f}%", flush=True))
from dbn_book.finetune import evaluate
test_error = evaluate(mlp, v_te, y_te)['error']
text = (f"random ({a.init}) initialisation, 784-500-500-2000 sigmoid MLP, {a.epochs} epochs of {a.optimizer} lr {a.lr} "
        f"(momentum 0.9 for sgd; cosine schedule), batch 100, 50,000 training images, 10,000 validation\n"
        f"test error {100 * test_error:.2f}% on 10,000 test images (scored once); {time.perf_counter() - t0:.0f} s "
        f"({torch.get_num_threads()} thread)\nvalidation error per epoch (%): " + ' '.join(f"{100 * h['valid_error']:.2f}" for h in hist) + "\n"
        "published: 1.6% from random weights (Hinton and Salakhutdinov 2006)\n")
(Path(__file__).parent / 'results' / f'random_baseline_{a.init}_{a.optimizer}_lr{a.lr:g}_{a.epochs}.txt').write_text(text)
print(text)
