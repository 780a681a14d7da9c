"""Benchmark: does up-down raise the variational bound on log P(v) of MNIST test digits? (issue 17, section 2)

    nice python benchmarks/updown_bound.py --data ../shared/data/mnist --seeds 0 1 2 | tee benchmarks/results/updown_bound.txt
    python benchmarks/updown_bound.py --summary     # the table again, from benchmarks/results/updown_bound.json

Hinton, Osindero and Teh (2006) fine-tune the greedily trained DBN with the up-down algorithm and say it improves the
generative model. The DBN's log-likelihood is out of reach, but its variational lower bound (chapter 3, computed by
`dbn_log_likelihood_bound`: the labels summed out of the top RBM, the generative weights after `untie`) is not:
  log P(v) >= E_Q[log P(v | h1) + log P(h1 | h2) + log P*(h2)] + H(Q) - log Z_top.
For each seed, the default recipe of `dbn_train` (784-500-500-2000 + 10 label units; 10 CD-1 epochs per lower RBM,
--top_epochs PCD-1 epochs of the top RBM at 0.01 decaying to 0, 30 as the default was until 2026-12-04 and as the
records without a suffix were measured, or 90, the default since, in files named ..._top90; 50,000 training images,
the last 10,000 held out) trains the greedy DBN. Its bound is measured on the 10,000 test digits and on the first 10,000 training digits; then `dbn_train`'s
up-down phase runs (15 epochs, lr 0.002 decaying to 0, CD-3 at the top) and the bound is measured again. log Z of the
top RBM (510 x 2000) comes from AIS (100 chains, 14,500 steps of Salakhutdinov and Murray's schedule), each time
with its +/- 3 sd interval; the bound uses 10 samples of Q(h | v) per digit. Nothing here is chosen: the recipe is
dbn_train's, so the test digits are only measured.
"""
import argparse, json, os, sys, time
from pathlib import Path

import torch

from dbn_book.ais import dbn_log_likelihood_bound, log_partition, sm_betas
from dbn_book.cli import check_train_args, run_training, train_parser
from dbn_book.core import atomic_write
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, predict_labels
from dbn_book.updown import UpDownOptions, UpDownTrainer

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'
QUICK = ['--n_train', '2000', '--sizes', '784', '50', '50', '100', '--top_epochs', '2', '--dbn_epochs', '1']


def measure(dbn, x_top, v_test, v_train, seed, ais_steps):
    "log Z of the top RBM by AIS, and the mean bound on the test and training digits."
    g = torch.Generator().manual_seed(seed)
    t0 = time.perf_counter()
    lz = log_partition(dbn.top, method='ais', v_data=x_top, generator=g, betas=sm_betas(ais_steps))
    ais = lz.ais
    out = {'log_z_top': ais.log_z, 'log_z_low': ais.log_z_low, 'log_z_high': ais.log_z_high, 'ais_seconds': time.perf_counter() - t0}
    for name, v in (('test', v_test), ('train', v_train)):
        b = dbn_log_likelihood_bound(dbn, v, ais.log_z, n_samples=10, generator=g)
        out[f'bound_{name}'], out[f'bound_{name}_se'] = b.mean().item(), (b.std() / len(b) ** 0.5).item()
    return out


def run_seed(a, seed):
    ckpt = OUT / f"updown_bound_greedy_seed{seed}{'_quick' if a.quick else ''}{a.suffix}.pt" # --quick leaves the full run's checkpoint alone
    args = check_train_args(train_parser().parse_args(['--data', a.data, '--seed', str(seed), '--updown_epochs', '0', '--mlp_epochs', '0', '--no_label_prior',
                                                       '--quiet', '--no_download', '--save', str(ckpt)] +
                                                      (QUICK if a.quick else ['--top_epochs', str(a.top_epochs)])))
    t0 = time.perf_counter()
    if a.reuse and ckpt.is_file(): print(f"  reusing the greedy DBN in {ckpt} (--reuse)", flush=True)
    else: run_training(args, log=lambda s: print('  ' + s, flush=True))
    secs_greedy = time.perf_counter() - t0
    dbn = DBN.load(ckpt)
    v_all, y_all, v_test, y_test = mnist_tensors(load_mnist(a.data, download=False), 'sample', seed) # as dbn_train binarised them
    v_tr, y_tr, v_va, y_va = v_all[:50_000], y_all[:50_000], v_all[50_000:], y_all[50_000:]
    v_tr, y_tr = v_tr[:args.n_train], y_tr[:args.n_train]
    with torch.no_grad():
        x_top = dbn.top_input(dbn.rbms[1].p_h(dbn.rbms[0].p_h(v_tr)), y_tr) # the top RBM's training data, for AIS's base
    rec = {'seed': seed, 'greedy_seconds': secs_greedy, 'updown_method': a.updown_method, 'updown_k': a.updown_k}
    rec['before'] = measure(dbn, x_top, v_test, v_tr[:10_000], seed, a.ais_steps)
    rec['before']['valid_error_generative'] = (predict_labels(dbn, v_va) != y_va).float().mean().item()
    print(f"  before up-down: {json.dumps(rec['before'])}", flush=True)
    t0 = time.perf_counter()
    o = UpDownOptions(epochs=a.updown_epochs, lr=0.002, k=a.updown_k, batch=100, method=a.updown_method)
    UpDownTrainer(dbn, v_tr, y_tr, o, seed=seed, device='cpu').run(progress=False)
    rec['updown_seconds'] = time.perf_counter() - t0
    rec['after'] = measure(dbn, x_top, v_test, v_tr[:10_000], seed, a.ais_steps)
    rec['after']['valid_error_generative'] = (predict_labels(dbn, v_va) != y_va).float().mean().item()
    print(f"  after up-down:  {json.dumps(rec['after'])}", flush=True)
    return rec


def table(recs):
    "The bound before and after up-down, per seed, and its change."
    print("\nthe variational bound on log P(v), nats per digit (mean over the digits; log Z of the top RBM by AIS, +/- 3 sd):")
    print(f"{'seed':>4} | {'log Z top before':>22} | {'log Z top after':>22} | {'test before':>11} | {'test after':>10} | "
          f"{'change':>6} | {'train before':>12} | {'train after':>11} | valid gen. error before/after")
    for r in recs:
        b, f = r['before'], r['after']
        iv = lambda m: f"{m['log_z_top']:.2f} ({m['log_z_low'] - m['log_z_top']:+.2f}, {m['log_z_high'] - m['log_z_top']:+.2f})"
        print(f"{r['seed']:>4} | {iv(b):>22} | {iv(f):>22} | {b['bound_test']:11.2f} | {f['bound_test']:10.2f} | "
              f"{f['bound_test'] - b['bound_test']:+6.2f} | {b['bound_train']:12.2f} | {f['bound_train']:11.2f} | "
              f"{100 * b['valid_error_generative']:.2f}% / {100 * f['valid_error_generative']:.2f}%")
    ch = torch.tensor([r['after']['bound_test'] - r['before']['bound_test'] for r in recs])
    print(f"change of the test bound over {len(recs)} seeds: mean {ch.mean():+.2f} nats, "
          f"sd {ch.std() if len(ch) > 1 else float('nan'):.2f}, from {ch.min():+.2f} to {ch.max():+.2f}")



def main():
    if '--summary' in sys.argv:
        for name in ('updown_bound.json', 'updown_bound_pcd1.json', 'updown_bound_pcd1_top90.json'):
            if (RESULTS / name).is_file(): print(f"\n{name}:"); table(json.load(open(RESULTS / name)))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'), help='folder of the MNIST IDX files')
    ap.add_argument('--seeds', type=int, nargs='+', default=[0, 1, 2])
    ap.add_argument('--updown_epochs', type=int, default=15, help="dbn_train's default")
    ap.add_argument('--updown_method', choices=['cd', 'pcd'], default='cd', help="up-down's top level (chapter 7): CD from the wake "
                    "states, or persistent chains (dbn_train's default since 2026-12-03, with --updown_k 1); pcd writes updown_bound_pcdK.json")
    ap.add_argument('--updown_k', type=int, default=3, help="Gibbs steps in the top RBM per up-down update")
    ap.add_argument('--top_epochs', type=int, default=30, help="the top RBM's epochs: 30 (the default until 2026-12-04, the "
                    "records without a suffix) or another number, written to files named ..._topN")
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--ais_steps', type=int, default=14_500)
    ap.add_argument('--reuse', action='store_true', help="use the greedy DBN already in benchmarks/out/updown_bound_greedy_seedN.pt "
                    "(as top_rbm_recipes.py does) instead of training it again")
    ap.add_argument('--quick', action='store_true', help='a check of the script: 2,000 images, sizes 784-50-50-100, short AIS')
    a = ap.parse_args()
    a.suffix = '' if a.top_epochs == 30 else f'_top{a.top_epochs}'
    if a.data is None: sys.exit("updown_bound.py: error: give --data FOLDER (the full MNIST) or set DBN_BOOK_DATA")
    torch.set_num_threads(a.threads); OUT.mkdir(exist_ok=True)
    if a.quick: a.ais_steps, a.updown_epochs, results = 200, 1, OUT # a check's record stays out of results/
    else: results = RESULTS
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load average {os.getloadavg()[0]:.2f} at the start); torch {torch.__version__}, {torch.get_num_threads()} threads")
    path, recs = results / (('updown_bound' if a.updown_method == 'cd' and a.updown_k == 3 else f'updown_bound_{a.updown_method}{a.updown_k}') + f'{a.suffix}.json'), []
    for seed in a.seeds:
        print(f"seed {seed}:", flush=True)
        rec = run_seed(a, seed)
        # the other seeds' records stay (read again now: another run may have added one meanwhile), this seed's is replaced
        recs = sorted([r for r in ([] if a.quick or not path.is_file() else json.load(open(path))) if r['seed'] != seed] + [rec],
                      key=lambda r: r['seed'])
        atomic_write(path, lambda f: f.write(json.dumps(recs, indent=1).encode()))
    table(recs)

if __name__ == '__main__':
    main()
