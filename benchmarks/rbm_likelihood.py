r"""The likelihood row of issue 10: a 500-hidden RBM on binarised MNIST, trained within one hour, its test
log-likelihood bracketed by AIS (optimistic when log Z is underestimated) and RAISE (conservative).

Protocol: the first 50,000 training images train; the last 10,000 are validation and choose the recipe; the 10,000
test images are scored once, for the recipe validation chose. Binarisation: pixels sampled as Bernoulli(grey/255), seed 0.
References: Salakhutdinov and Murray (2008), CD-25, 500 hidden: -86.34 nats; Melchior, Fischer and Wiskott (2016),
centred PCD-1 (PyDeep's example): -84.86 by AIS, with a reverse-AIS estimate about 12 nats lower.

The runs behind benchmarks/results/rbm_likelihood.txt (two recipes side by side, one thread each):

    nice python benchmarks/rbm_likelihood.py train --name pcd1_centered --centered --epochs 1000
    nice python benchmarks/rbm_likelihood.py train --name pcd1_plain --epochs 1000
    nice python benchmarks/rbm_likelihood.py evaluate --split valid benchmarks/out/pcd1_centered.pt   # and pcd1_plain.pt
    nice python benchmarks/rbm_likelihood.py evaluate --split test --raise_rows 500 --threads 2 benchmarks/out/<the recipe validation chose>.pt

Those took 85-90 minutes each; the two recipes of 2026-12-03 fit the hour (400 epochs, weight decay 1e-4, PCD-1 and
FPCD-1, side by side, one thread each):

    nice python benchmarks/rbm_likelihood.py train --name pcd1_wd1e-4_400 --epochs 400 --weight_decay 1e-4
    nice python benchmarks/rbm_likelihood.py train --name fpcd_wd1e-4_400 --epochs 400 --weight_decay 1e-4 --fast_lr 0.02

Iterate averaging, and the chosen recipe retrained on all 60,000 training images (2026-12-03, third session):

    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05_wd1e-4_400_avg --lr 0.05 --weight_decay 1e-4 --epochs 400 --average_from 200 300
    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05const_wd1e-4_400_avg --lr 0.05 --schedule constant --weight_decay 1e-4 --epochs 400 --average_from 200 300
    nice python benchmarks/rbm_likelihood.py evaluate --split valid benchmarks/out/<each>.pt   # the final weights and the two means of each run
    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05_wd1e-4_400_all60000 --lr 0.05 --weight_decay 1e-4 --epochs 400 --all_60000 --threads 2
    nice python benchmarks/rbm_likelihood.py evaluate --split test --raise_rows 500 --threads 2 benchmarks/out/pcd1_lr05_wd1e-4_400_all60000.pt

Dynamic binarisation (2026-12-03, fourth session): the same recipe, each epoch after the first on a fresh Bernoulli(grey)
sample of the training images, against the fixed sample, over seeds 0-2 (seed 0 of the fixed sample is the run above);
two jobs at a time, one thread each (OMP_NUM_THREADS=1):

    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05_wd1e-4_400_dyn --lr 0.05 --weight_decay 1e-4 --epochs 400 --dynamic
    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05_wd1e-4_400_dyn_s1 --lr 0.05 --weight_decay 1e-4 --epochs 400 --dynamic --seed 1   # and _s2, --seed 2
    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05_wd1e-4_400_s1 --lr 0.05 --weight_decay 1e-4 --epochs 400 --seed 1   # and _s2, --seed 2
    nice python benchmarks/rbm_likelihood.py evaluate --split valid benchmarks/out/<each>.pt
    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05_wd1e-4_400_dyn_all60000 --lr 0.05 --weight_decay 1e-4 --epochs 400 --dynamic --all_60000
    nice python benchmarks/rbm_likelihood.py train --name pcd1_lr05_wd1e-4_400_dyn_all60000_s1 --lr 0.05 --weight_decay 1e-4 --epochs 400 --dynamic --all_60000 --seed 1   # and _s2, --seed 2
    nice python benchmarks/rbm_likelihood.py evaluate --split test --raise_rows 500 benchmarks/out/pcd1_lr05_wd1e-4_400_dyn_all60000.pt   # and _s1, _s2
"""
import argparse, json, math, time
from pathlib import Path
import torch
from dbn_book.core import atomic_write
from dbn_book.data import load_mnist, mnist_tensors, local_mnist_folder, binarize
from dbn_book.rbm import RBM
from dbn_book.cd import train_rbm

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'
N_VALID = 10_000

def data(grey:bool=False):
    "Binary (train, valid, test) rows: train and valid split the 60,000 official training images; with `grey`, also the grey training images."
    folder = local_mnist_folder()
    if folder is None: raise SystemExit("the full MNIST is needed: ../shared/data/mnist was not found")
    ds = load_mnist(folder)
    v, _, v_test, _ = mnist_tensors(ds, how='sample', seed=0)
    return (v[:-N_VALID], v[-N_VALID:], v_test) + ((ds.x_train,) if grey else ())

def train(args):
    "Train one RBM in one call (PCD's chains and the schedule run through all epochs); save it atomically."
    torch.set_num_threads(args.threads)
    v_train, v_valid, _, grey = data(grey=True)
    if args.all_60000: v_train = torch.cat([v_train, v_valid]) # the protocol's last step: the chosen recipe on every training image
    grey = grey[:len(v_train)] # the grey images behind v_train's rows, in the same order
    g_dyn = torch.Generator().manual_seed(args.seed + 1000) # dynamic binarisation's own stream: the trainer's is untouched
    rbm = RBM(784, args.hidden, v_data=v_train, seed=args.seed)
    averages = {e: None for e in args.average_from} # iterate averaging: the mean of the parameters after epochs e+1..end
    def callback(trainer, rec):
        if rec['epoch'] % 10 == 0: print(json.dumps(rec), flush=True)
        if args.dynamic: trainer.v_train = binarize(grey, 'sample', g_dyn) # the next epoch sees a fresh Bernoulli(grey) sample of every image
        for e, avg in averages.items():
            if rec['epoch'] <= e: continue
            n = rec['epoch'] - e # epochs in the mean, this one included
            if avg is None: averages[e] = {k: t.clone().double() for k, t in trainer.rbm.state_dict().items()}
            else:
                for k, t in trainer.rbm.state_dict().items(): avg[k] += (t.double() - avg[k]) / n
    t0 = time.perf_counter()
    log = train_rbm(rbm, v_train, epochs=args.epochs, lr=args.lr, k=args.k, method=args.method, batch=args.batch,
                    momentum=(args.momentum,) * 2, weight_decay=args.weight_decay, schedule=args.schedule,
                    centered=args.centered, fast_lr=args.fast_lr, fast_decay=args.fast_decay, v_valid=None if args.all_60000 else v_valid, seed=args.seed, device='cpu', progress=False,
                    callback=callback)
    minutes = (time.perf_counter() - t0) / 60
    print(f"trained {args.name}: {args.epochs} epochs in {minutes:.1f} min", flush=True)
    OUT.mkdir(exist_ok=True)
    atomic_write(OUT / f"{args.name}.pt", lambda f: torch.save(
        {'state_dict': rbm.state_dict(), 'args': vars(args) | {'average_from': None}, 'log': log, 'train_minutes': minutes}, f))
    for e, avg in averages.items(): # the averaged models, scored like any other (the same run: a paired comparison)
        if avg is None: continue
        atomic_write(OUT / f"{args.name}_avg{e}.pt", lambda f: torch.save(
            {'state_dict': {k: t.float() for k, t in avg.items()}, 'args': vars(args) | {'average_from': e}, 'log': log,
             'train_minutes': minutes}, f))

def evaluate(args):
    """AIS log Z (saved, so the test split reuses the estimate validation saw) and the mean log-likelihood of one split;
    on the test split also RAISE on a subset, with AIS on the same subset: the bracket."""
    from dbn_book.ais import ais_log_partition, raise_log_likelihood, sm_betas
    torch.set_num_threads(args.threads)
    v_train, v_valid, v_test = data()
    rows = {'valid': v_valid, 'test': v_test}[args.split]
    for path in map(Path, args.models):
        ck = torch.load(path, weights_only=False)
        rbm = RBM(784, ck['args']['hidden']); rbm.load_state_dict(ck['state_dict'])
        ais_path = path.with_name(path.stem + '_ais.pt')
        if ais_path.exists(): est = torch.load(ais_path, weights_only=False)
        else:
            t0 = time.perf_counter()
            est = ais_log_partition(rbm, n_chains=args.chains, betas=sm_betas(args.betas), v_data=v_train,
                                    generator=torch.Generator().manual_seed(args.seed))
            est.minutes = (time.perf_counter() - t0) / 60
            atomic_write(ais_path, lambda f: torch.save(est, f))
        ll = lambda v, z: rbm.log_likelihood(v, z).mean().item() if math.isfinite(z) else None # AIS's lower end of log Z can be -inf
        row = dict(model=path.stem, split=args.split, args={k: ck['args'].get(k, 0.0) for k in ('method', 'k', 'epochs', 'lr', 'schedule', 'centered', 'momentum', 'weight_decay', 'fast_lr', 'average_from', 'all_60000', 'dynamic', 'seed')},
                   train_minutes=round(ck['train_minutes'], 1), epoch_seconds_median=round(sorted(r['seconds'] for r in ck['log'])[len(ck['log']) // 2], 2),
                   ais_chains=len(est.log_w), ais_steps=est.n_steps, ais_minutes=round(getattr(est, 'minutes', float('nan')), 1),
                   log_z=round(est.log_z, 3), log_z_interval=[round(est.log_z_low, 3), round(est.log_z_high, 3)],
                   ll_ais=round(ll(rows, est.log_z), 3), ll_ais_interval=[ll(rows, est.log_z_high), ll(rows, est.log_z_low)],
                   ll_train=ll(v_train, est.log_z))
        row['ll_ais_interval'] = [None if x is None else round(x, 3) for x in row['ll_ais_interval']]; row['ll_train'] = round(row['ll_train'], 3)
        if args.raise_rows:
            sub = rows[torch.randperm(len(rows), generator=torch.Generator().manual_seed(args.seed))[:args.raise_rows]]
            t0 = time.perf_counter()
            r = raise_log_likelihood(rbm, sub, betas=sm_betas(args.betas), n_chains=args.raise_chains, v_data=v_train,
                                     generator=torch.Generator().manual_seed(args.seed + 1))
            gap = rbm.log_likelihood(sub, est.log_z).double() - r # per row: AIS's estimate minus RAISE's
            row.update(raise_rows=len(sub), raise_chains=args.raise_chains, raise_minutes=round((time.perf_counter() - t0) / 60, 1),
                       ll_raise_subset=round(r.mean().item(), 3), ll_ais_subset=round(ll(sub, est.log_z), 3),
                       gap=round(gap.mean().item(), 3), gap_se=round(gap.std().item() / len(gap) ** 0.5, 3))
        print(json.dumps(row), flush=True); print(PUBLISHED, flush=True)
        with open(RESULTS / 'rbm_likelihood.jsonl', 'a') as f: f.write(json.dumps(row) + '\n')

PUBLISHED = "published: -86.34 nats per test image for CD-25 with 500 hidden units (Salakhutdinov and Murray 2008); -84.86 reported for a centred PCD-1 RBM"

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
    t.add_argument('--fast_lr', type=float, default=0.0, help="fast weights' learning rate (FPCD; 0: none)")
    t.add_argument('--fast_decay', type=float, default=0.95, help='the share of the fast weights each update keeps')
    t.add_argument('--seed', type=int, default=0)
    t.add_argument('--threads', type=int, default=1)
    t.add_argument('--all_60000', action='store_true', help='train on all 60,000 training images (the validation ones too), once the recipe is chosen')
    t.add_argument('--dynamic', action='store_true', help='dynamic binarisation: each epoch after the first trains on a fresh Bernoulli(grey) sample of the training images')
    t.add_argument('--average_from', type=int, nargs='*', default=[], help='also save the mean of the parameters after each of these epochs (iterate averaging)')
    e = sub.add_parser('evaluate')
    e.add_argument('models', nargs='+')
    e.add_argument('--split', choices=('valid', 'test'), required=True)
    e.add_argument('--chains', type=int, default=500)
    e.add_argument('--betas', type=int, default=14500)
    e.add_argument('--raise_rows', type=int, default=0, help='RAISE on this many rows of the split (0: none)')
    e.add_argument('--raise_chains', type=int, default=1)
    e.add_argument('--seed', type=int, default=0)
    e.add_argument('--threads', type=int, default=1)
    args = p.parse_args(argv)
    {'train': train, 'evaluate': evaluate}[args.cmd](args)

if __name__ == '__main__': main()
