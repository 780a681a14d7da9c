"""Benchmark: does training the default DBN's top RBM with fast weights (FPCD, Tieleman and Hinton 2009) instead of
plain PCD make label-clamped samples read as the clamped digit? (issue 17, section 1)

    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes pcd fpcd:0.01 fpcd:0.05
    nice python benchmarks/generation.py benchmarks/out/top_*_seed*.pt --label top_rbm_recipes --n_per_digit 50

For each seed, the two lower RBMs are those of `dbn_train`'s default greedy run with that seed (the checkpoints
`benchmarks/updown_bound.py` writes; trained here if missing). On their codes of training images 0..49,999 (with the
labels) the top RBM (510 x 2000) is trained anew by each recipe, from the same initial weights and the same generator:
30 epochs, lr 0.01 decaying linearly to 0, momentum 0.5 then 0.9, weight decay 2e-4, 100 persistent chains, as
dbn_train's default; 'fpcd' adds fast weights (a constant learning rate, 'fpcd:0.01' for 0.01; decay --fast_decay per update) that the
persistent chains run on and the model does not keep. No up-down. What is measured here may be used to choose: the
generative classification error on the validation images (50,000..59,999), and, by generation.py, samples judged by
a classifier trained on training images only. generation.py's own generative error is on the test images: do not
choose on it.
"""
import argparse, json, os, sys, time
from pathlib import Path

import torch

from dbn_book.cd import CDOptions, RBMTrainer
from dbn_book.cli import check_train_args, run_training, train_parser
from dbn_book.core import atomic_write, cpu_copy
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, predict_labels
from dbn_book.rbm import bernoulli

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'


class FPCDTrainer(RBMTrainer):
    "PCD whose chains run on the parameters plus fast weights: f <- decay f + fast_lr (data statistics - chain statistics)."
    def __init__(self, *args, fast_lr=0.01, fast_decay=0.95, **kwargs):
        super().__init__(*args, **kwargs)
        self.fast_lr, self.fast_decay = fast_lr, fast_decay
        self.fast = [torch.zeros_like(p) for p in self.rbm.params]

    def update(self, v0, eps, mu):
        model, o = self.rbm, self.o
        ph0 = model.p_h(v0, check=False)
        slow = [p.data for p in model.params]
        for p, f in zip(model.params, self.fast): p.data = p.data + f # the chains see theta + fast
        neg = model.gibbs_chain(self.chains, o.k, self.g)
        for p, s in zip(model.params, slow): p.data = s
        self.chains = neg.v
        recon = model.v_mean(bernoulli(ph0, self.g), check=False)
        grad = [a - b for a, b in zip(model.statistics(v0, ph0), model.statistics(neg.v, neg.p_h))]
        for m, d in zip(self.velocity, grad): m.mul_(mu).add_(d, alpha=eps)
        self.velocity[0].add_(model.W, alpha=-eps * o.weight_decay)
        for p, m in zip(model.params, self.velocity): p.add_(m)
        for f, d in zip(self.fast, grad): f.mul_(self.fast_decay).add_(d, alpha=self.fast_lr)
        return (v0 - recon).square_().sum()


def greedy_checkpoint(a, seed):
    ckpt = OUT / f'updown_bound_greedy_seed{seed}.pt'
    if not ckpt.is_file():
        args = check_train_args(train_parser().parse_args(['--data', a.data, '--seed', str(seed), '--updown_epochs', '0', '--mlp_epochs', '0',
                                                           '--quiet', '--no_download', '--save', str(ckpt)]))
        run_training(args, log=lambda s: print('  ' + s, flush=True))
    return ckpt


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'), help='folder of the MNIST IDX files')
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    ap.add_argument('--recipes', nargs='+', default=['pcd', 'fpcd:0.01'], help="'pcd', or 'fpcd:FAST_LR'")
    ap.add_argument('--fast_decay', type=float, default=0.95)
    ap.add_argument('--epochs', type=int, default=30)
    ap.add_argument('--threads', type=int, default=2)
    a = ap.parse_args()
    torch.set_num_threads(a.threads); OUT.mkdir(exist_ok=True)
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {os.getloadavg()[0]:.2f} at the start); torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    log_path = RESULTS / 'top_rbm_recipes.jsonl'
    for seed in a.seeds:
        greedy = DBN.load(greedy_checkpoint(a, seed))
        v_all, y_all, *_ = mnist_tensors(load_mnist(a.data, download=False), 'sample', seed) # as dbn_train binarised them
        v_tr, y_tr, v_va, y_va = v_all[:50_000], y_all[:50_000], v_all[50_000:], y_all[50_000:]
        with torch.no_grad():
            code = lambda v: greedy.rbms[1].p_h(greedy.rbms[0].p_h(v))
            x_tr, x_va = greedy.top_input(code(v_tr), y_tr), greedy.top_input(code(v_va), y_va)
        fresh_top = DBN(greedy.sizes, n_labels=10, v_data=v_tr, seed=seed).top.state_dict() # dbn_train's initial top RBM
        for recipe in a.recipes:
            dbn = DBN.load(greedy_checkpoint(a, seed))
            dbn.top.load_state_dict(fresh_top)
            o = CDOptions(epochs=a.epochs, lr=0.01, method='pcd', schedule='linear')
            fpcd = recipe.startswith('fpcd:')
            kw = dict(fast_lr=float(recipe.split(':')[1]), fast_decay=a.fast_decay) if fpcd else {}
            t = (FPCDTrainer if fpcd else RBMTrainer)(dbn.top, x_tr, o, v_valid=x_va, seed=1000 + seed, device='cpu', **kw)
            t0 = time.perf_counter(); t.run(progress=False); secs = time.perf_counter() - t0
            err = (predict_labels(dbn, v_va) != y_va).float().mean().item()
            path = OUT / f"top_{recipe.replace(':', '')}_seed{seed}.pt"
            dbn.save(path)
            rec = dict(seed=seed, recipe=recipe, fast_lr=kw.get('fast_lr'), fast_decay=kw.get('fast_decay'), seconds=secs,
                       valid_error_generative=err, free_energy_gap=t.history[-1].get('free_energy_gap'), checkpoint=str(path))
            print(json.dumps(rec), flush=True)
            with open(log_path, 'a') as f: f.write(json.dumps(rec) + '\n')


if __name__ == '__main__':
    main()
