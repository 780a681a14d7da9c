r"""The likelihood row of issue 10: a 500-hidden RBM on binarised MNIST, trained within one hour, its test
log-likelihood bracketed by AIS (optimistic when log Z is underestimated) and RAISE (conservative).

Protocol: the first 50,000 training images train; the last 10,000 are validation and choose the recipe; the 10,000
test images are scored once, for the recipe validation chose. Binarisation: pixels sampled as Bernoulli(grey/255), seed 0.
References: Salakhutdinov and Murray (2008), CD-25, 500 hidden: -86.34 nats; Melchior, Fischer and Wiskott (2016),
centred PCD-1 (PyDeep's example): -84.86 by AIS, with a reverse-AIS estimate about 12 nats lower.

The runs behind benchmarks/results/rbm_likelihood.txt (two recipes side by side, one thread each):

    nice python benchmarks/rbm_likelihood.py train --name pcd1_centered --centered --epochs 1000
    nice python benchmarks/rbm_likelihood.py train --name pcd1_plain --epochs 1000
    nice python benchmarks/rbm_likelihood.py evaluate --split valid benchmarks/out/pcd1_centered.pt benchmarks/out/pcd1_plain.pt
    nice python benchmarks/rbm_likelihood.py evaluate --split test benchmarks/out/<the recipe validation chose>.pt
"""
import argparse, json, math, time
from pathlib import Path
import torch
from dbn_book.core import atomic_write
from dbn_book.data import load_mnist, mnist_tensors, local_mnist_folder
from dbn_book.rbm import RBM
from dbn_book.cd import train_rbm

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'
N_VALID = 10_000

def data():
    "Binary (train, valid, test) rows: train and valid split the 60,000 official training images."
    folder = local_mnist_folder()
    if folder is None: raise SystemExit("the full MNIST is needed: ../shared/data/mnist was not found")
    v, _, v_test, _ = mnist_tensors(load_mnist(folder), how='sample', seed=0)
    return v[:-N_VALID], v[-N_VALID:], v_test

def train(args):
    "Train one RBM in one call (PCD's chains and the schedule run through all epochs); save it atomically."
    torch.set_num_threads(args.threads)
    v_train, v_valid, _ = data()
    rbm = RBM(784, args.hidden, v_data=v_train, seed=args.seed)
    t0 = time.perf_counter()
    log = train_rbm(rbm, v_train, epochs=args.epochs, lr=args.lr, k=args.k, method=args.method, batch=args.batch,
                    momentum=(args.momentum,) * 2, weight_decay=args.weight_decay, schedule=args.schedule,
                    centered=args.centered, v_valid=v_valid, seed=args.seed, device='cpu', progress=False,
                    callback=lambda r, rec: print(json.dumps(rec), flush=True) if rec['epoch'] % 10 == 0 else None)
    minutes = (time.perf_counter() - t0) / 60
    print(f"trained {args.name}: {args.epochs} epochs in {minutes:.1f} min", flush=True)
    OUT.mkdir(exist_ok=True)
    atomic_write(OUT / f"{args.name}.pt", lambda f: torch.save(
        {'state_dict': rbm.state_dict(), 'args': vars(args), 'log': log, 'train_minutes': minutes}, f))

def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    t = sub.add_parser('train')
    t.add_argument('--name', required=True)
    t.add_argument('--hidden', type=int, default=500)
    t.add_argument('--method', default='pcd', choices=('cd', 'pcd'))
    t.add_argument('--k', type=int, default=1)
    t.add_argument('--epochs', type=int, default=1000)
    t.add_argument('--lr', type=float, default=0.02)
    t.add_argument('--schedule', default='linear')
    t.add_argument('--momentum', type=float, default=0.0)
    t.add_argument('--weight_decay', type=float, default=0.0)
    t.add_argument('--batch', type=int, default=100)
    t.add_argument('--centered', action='store_true')
    t.add_argument('--seed', type=int, default=0)
    t.add_argument('--threads', type=int, default=1)
    args = p.parse_args(argv)
    {'train': train}[args.cmd](args)

if __name__ == '__main__': main()
