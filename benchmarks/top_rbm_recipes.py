"""Benchmark: does training the default DBN's top RBM with fast weights (FPCD, Tieleman and Hinton 2009) instead of
plain PCD make label-clamped samples read as the clamped digit? (issue 17, section 1)

    nice python benchmarks/top_rbm_recipes.py --data ../shared/data/mnist --seeds 0 1 2 --recipes pcd fpcd:0.01 fpcd:0.05
    nice python benchmarks/generation.py benchmarks/out/top_*_seed*.pt --label top_rbm_recipes --n_per_digit 50
    (or in parts, --label top_rbm_recipes_s01 and so on: the summary reads every generation_top_rbm_recipes*.json)
    python benchmarks/top_rbm_recipes.py --summary     # mean and spread over the seeds, per recipe

For each seed, the two lower RBMs are those of `dbn_train`'s default greedy run with that seed (the checkpoints
`benchmarks/updown_bound.py` writes; trained here if missing). On their codes of training images 0..49,999 (with the
labels) the top RBM (510 x 2000) is trained anew by each recipe, from the same initial weights and the same generator:
30 epochs, lr 0.01 decaying linearly to 0, momentum 0.5 then 0.9, weight decay 2e-4, 100 persistent chains, as
dbn_train's default; 'fpcd' adds fast weights (a constant learning rate, 'fpcd:0.01' for 0.01; decay --fast_decay per update) that the
persistent chains run on and the model does not keep. No up-down. What is measured here may be used to choose: the
generative classification error on the validation images (50,000..59,999), and, by generation.py, samples judged by
a classifier trained on training images only. generation.py's own generative error is on the test images: do not
choose on it. (Seed 0's FPCD run used this script's first version, a subclass of RBMTrainer written before
`CDOptions(fast_lr=...)` existed; on a 784 x 50 RBM, 3 epochs, the two give the same weights bit for bit.)
"""
import argparse, json, os, sys, time
from pathlib import Path

import torch

from dbn_book.cd import CDOptions, RBMTrainer
from dbn_book.cli import check_train_args, run_training, train_parser
from dbn_book.core import atomic_write
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, predict_labels

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'


def greedy_checkpoint(a, seed):
    ckpt = OUT / f'updown_bound_greedy_seed{seed}.pt'
    if not ckpt.is_file():
        args = check_train_args(train_parser().parse_args(['--data', a.data, '--seed', str(seed), '--updown_epochs', '0', '--mlp_epochs', '0',
                                                           '--quiet', '--no_download', '--save', str(ckpt)]))
        run_training(args, log=lambda s: print('  ' + s, flush=True))
    return ckpt


def summary():
    "Per recipe, the mean, spread and worst seed of what generation.py and the training measured."
    import statistics as st
    runs = {Path(json.loads(l)['checkpoint']).stem: json.loads(l) for l in open(RESULTS / 'top_rbm_recipes.jsonl')}
    gen = {Path(m['checkpoint']).stem: m for f in sorted(RESULTS.glob('generation_top_rbm_recipes*.json')) for m in json.load(open(f))['models']}
    by = {}
    for name, r in runs.items():
        if name in gen: by.setdefault(r['recipe'], []).append((r, gen[name]))
    ms = lambda xs: f"{st.mean(xs):5.1f} +/- {st.stdev(xs):4.1f}" if len(xs) > 1 else f"{xs[0]:5.1f}        "
    print("recipe (top RBM)  | seeds | agreement % mean +/- sd (worst seed) | smallest label-free class % | largest | "
          "diversity (least) | valid generative error %")
    for recipe, rs in by.items():
        agree = [g['agreement_pct']['overall'] for _, g in rs]
        lo = [g['label_free_pct']['min'] for _, g in rs]; hi = [g['label_free_pct']['max'] for _, g in rs]
        div = [g['diversity']['min'] for _, g in rs]; err = [100 * r['valid_error_generative'] for r, _ in rs]
        print(f"{recipe:17s} | {len(rs):5d} | {ms(agree)} ({min(agree):4.1f})             | {ms(lo)}              | {ms(hi)} | "
              f"{min(div):.2f}              | {ms(err)}")


def main():
    if '--summary' in sys.argv: return summary()
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
            kw = dict(fast_lr=float(recipe.split(':')[1]), fast_decay=a.fast_decay) if recipe.startswith('fpcd:') else {}
            o = CDOptions(epochs=a.epochs, lr=0.01, method='pcd', schedule='linear', **kw)
            t = RBMTrainer(dbn.top, x_tr, o, v_valid=x_va, seed=1000 + seed, device='cpu')
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
