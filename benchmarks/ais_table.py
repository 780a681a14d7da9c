r"""Reproduce the literature's table of MNIST log-likelihoods for 500-hidden RBMs (chapter 06_ais).

Train RBMs on the 60,000 MNIST training images with CD-1, CD-k and PCD-1 (dbn_book.cd.train_rbm), then estimate
log Z by annealed importance sampling (dbn_book.ais.ais_log_partition) and the mean log-likelihood of the
10,000 test images. Published numbers beside ours: Salakhutdinov & Murray (2008), CD-25, 500 hidden: -86.34;
a centred PCD-1 RBM with 500 hidden units has been reported at -84.86.

The runs behind the chapter's table (each single-threaded; several ran side by side on 2 shared cores):

    nice python benchmarks/ais_table.py train --name cd1 --method cd --k 1 --epochs 30 --lr 0.1
    nice python benchmarks/ais_table.py train --name cd3 --method cd --k 3 --epochs 20 --lr 0.1
    nice python benchmarks/ais_table.py train --name cd25 --method cd --k 25 --epochs 4 --lr 0.1 --save_every 2
    nice python benchmarks/ais_table.py train --name pcd1 --method pcd --k 1 --epochs 60 --lr 0.05 --final_momentum 0.5
    nice python benchmarks/ais_table.py train --name pcd1c --method pcd --k 1 --epochs 25 --lr 0.02 --final_momentum 0.5 --save_every 25 \
        --init benchmarks/out/pcd1_e60.pt      # pcd1 continued: a second learning-rate cycle
    nice python benchmarks/ais_table.py evaluate benchmarks/out/cd1_e30.pt    # likewise cd3_e20, cd25_e4, pcd1_e60, pcd1c_e85
    nice python benchmarks/ais_table.py dbn benchmarks/out/pcd1_e60.pt --epochs 10                       # top 500-500, CD-1
    nice python benchmarks/ais_table.py dbn benchmarks/out/pcd1_e60.pt --method pcd --epochs 10 --lr 0.05 # top 500-500, PCD-1
    nice python benchmarks/ais_table.py dbn benchmarks/out/pcd1_e60.pt --flip --method pcd --epochs 10 --lr 0.01
Trained models go to benchmarks/out/ (git-ignored);
each evaluation appends a row to benchmarks/results/ais_table.jsonl, from which the chapter's table is built
(benchmarks/results/ais_table.txt).
"""
import argparse, json, math, time
from pathlib import Path
import torch
from dbn_book.data import load_mnist, mnist_tensors, local_mnist_folder
from dbn_book.rbm import RBM
from dbn_book.cd import train_rbm

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'

def data():
    folder = local_mnist_folder()
    if folder is None: raise SystemExit("the full MNIST is needed: ../shared/data/mnist was not found")
    v_train, _, v_test, _ = mnist_tensors(load_mnist(folder), how='sample', seed=0)
    return v_train, v_test

def train(args):
    """Train one RBM with a linearly decaying learning rate in one `RBMTrainer` run, saving a checkpoint every
    `save_every` epochs. (The table's rows before 2026-11-30 called train_rbm once per epoch instead, which restarted
    PCD's chains and the momentum every epoch; see benchmarks/rbm_likelihood.py for the runs that fixed it.)"""
    from dbn_book.cd import RBMTrainer, CDOptions
    torch.set_num_threads(args.threads)
    v_train, v_test = data()
    rbm = RBM(784, args.hidden, v_data=v_train, seed=args.seed)
    done, t_before, old_log = 0, 0., []
    if args.init: # continue training a saved model with a new learning-rate cycle
        ck = torch.load(args.init)
        rbm.load_state_dict(ck['state_dict']); old_log = list(ck['log'])
        done, t_before = len(old_log), old_log[-1]['train_minutes'] * 60
    options = CDOptions(epochs=args.epochs, lr=args.lr, k=args.k, method=args.method, batch=100,
                        momentum=(args.momentum, args.final_momentum), momentum_epochs=max(0, 5 - done), weight_decay=2e-4,
                        schedule='linear')
    trainer = RBMTrainer(rbm, v_train, options, v_valid=v_test, seed=args.seed, device='cpu')
    t0 = time.perf_counter()
    while not trainer.done:
        trainer.run(args.save_every, progress=False,
                    callback=lambda t, rec: print(json.dumps({**rec, 'epoch': done + rec['epoch']}), flush=True))
        log = old_log + [{**r, 'epoch': done + r['epoch'], 'train_minutes': (t_before + time.perf_counter() - t0) / 60} for r in trainer.history]
        torch.save({'state_dict': rbm.state_dict(), 'args': vars(args), 'log': log}, OUT / f"{args.name}_e{done + trainer.epoch}.pt")

def evaluate(args):
    "AIS log Z and the mean test log-likelihood for each saved model; append to the results table."
    from dbn_book.ais import ais_log_partition, sm_betas
    torch.set_num_threads(args.threads)
    v_train, v_test = data()
    paths = [Path(p) for p in args.models] if args.models else sorted(OUT.glob('*.pt'))
    lines = []
    for path in paths:
        ck = torch.load(path)
        rbm = RBM(784, ck['args']['hidden']); rbm.load_state_dict(ck['state_dict'])
        g = torch.Generator().manual_seed(args.seed)
        t0 = time.perf_counter()
        est = ais_log_partition(rbm, n_chains=args.chains, betas=sm_betas(args.betas), v_data=v_train, generator=g)
        t_ais = time.perf_counter() - t0
        # AIS's lower end of log Z is -inf when its interval reaches 0; RBM.log_likelihood refuses an infinite log Z
        # (check_log_z, c50b90c), so that end of the likelihood's interval is written as +inf, as before
        ll = lambda v, z: rbm.log_likelihood(v, z).mean().item() if math.isfinite(z) else math.inf
        row = dict(model=path.stem, method=ck['args']['method'], k=ck['args']['k'], epochs=len(ck['log']),
                   train_minutes=round(ck['log'][-1]['train_minutes'], 1), log_z=round(est.log_z, 2),
                   log_z_interval=[round(est.log_z_low, 2), round(est.log_z_high, 2)],
                   test_ll=round(ll(v_test, est.log_z), 2),
                   test_ll_interval=[round(ll(v_test, est.log_z_high), 2), round(ll(v_test, est.log_z_low), 2)],
                   train_ll=round(ll(v_train, est.log_z), 2), ais_chains=args.chains, ais_betas=args.betas,
                   ais_minutes=round(t_ais / 60, 2))
        print(json.dumps(row), flush=True)
        print("published: -86.34 nats per test image for CD-25 with 500 hidden units (Salakhutdinov and Murray 2008)", flush=True)
        lines.append(json.dumps(row))
    with open(RESULTS / 'ais_table.jsonl', 'a') as f: f.write(''.join(l + '\n' for l in lines))

def dbn(args):
    "Stack a second RBM on a trained one (greedy, on samples of Q(h1|v)); AIS for its log Z; the DBN's bound on the test set."
    from dbn_book.ais import ais_log_partition, sm_betas, dbn_log_likelihood_bound
    from dbn_book.rbm import bernoulli
    from dbn_book.dbn import DBN
    torch.set_num_threads(args.threads)
    v_train, v_test = data()
    ck = torch.load(args.model)
    rbm1 = RBM(784, ck['args']['hidden']); rbm1.load_state_dict(ck['state_dict'])
    g = torch.Generator().manual_seed(args.seed)
    with torch.no_grad(): h_train = bernoulli(rbm1.p_h(v_train), g)
    if args.flip: # start from the first RBM upside down: the DBN then equals that RBM and its bound is tight
        top = RBM(rbm1.n_hidden, rbm1.n_visible)
        with torch.no_grad(): top.W.copy_(rbm1.W.T); top.b.copy_(rbm1.c); top.c.copy_(rbm1.b)
    else: top = RBM(rbm1.n_hidden, args.hidden, v_data=h_train, seed=args.seed)
    t0 = time.perf_counter()
    for epoch in range(args.epochs):
        train_rbm(top, h_train, epochs=1, lr=args.lr * (1 - epoch / args.epochs), k=args.k, method=args.method,
                  momentum=(0.5, 0.5), generator=g, device='cpu', progress=False)
        print(json.dumps({'top_epoch': epoch + 1, 'minutes': round((time.perf_counter() - t0) / 60, 2)}), flush=True)
    t_train = time.perf_counter() - t0
    torch.save({'state_dict': top.state_dict(), 'args': vars(args)}, OUT / f"top_{Path(args.model).stem}_{args.method}{'_flip' if args.flip else ''}.pt")
    est2 = ais_log_partition(top, n_chains=args.chains, betas=sm_betas(args.betas), v_data=h_train, generator=g)
    stacked = DBN([rbm1.n_visible, rbm1.n_hidden, top.n_hidden]) # the two RBMs as one (tied) DBN
    for mine, r in zip(stacked.rbms, (rbm1, top)): mine.load_state_dict(r.state_dict())
    bound = lambda z: dbn_log_likelihood_bound(stacked, v_test, z, n_samples=args.samples, generator=g).mean().item() if math.isfinite(z) else math.inf # as ll in evaluate
    row = dict(model=f"DBN {Path(args.model).stem} + {top.n_hidden}{' flipped' if args.flip else ''} ({args.method}-{args.k}, {args.epochs} epochs, lr {args.lr})",
               top_hidden=top.n_hidden, top_init='flipped' if args.flip else 'random', top_method=args.method, top_k=args.k,
               top_epochs=args.epochs, top_lr=args.lr,
               top_train_minutes=round(t_train / 60, 1),
               top_log_z=round(est2.log_z, 2), top_log_z_interval=[round(est2.log_z_low, 2), round(est2.log_z_high, 2)],
               dbn_test_bound=round(bound(est2.log_z), 2),
               dbn_test_bound_interval=[round(bound(est2.log_z_high), 2), round(bound(est2.log_z_low), 2)],
               samples_per_image=args.samples, ais_chains=args.chains, ais_betas=args.betas)
    print(json.dumps(row), flush=True)
    print("compare: the first RBM's own test log-likelihood (its evaluate row); with --flip and no training the bound must equal it", flush=True)
    with open(RESULTS / 'ais_table.jsonl', 'a') as f: f.write(json.dumps(row) + '\n')

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='cmd', required=True)
    t = sub.add_parser('train')
    t.add_argument('--name', required=True); t.add_argument('--method', default='cd', choices=['cd', 'pcd'])
    t.add_argument('--k', type=int, default=1); t.add_argument('--epochs', type=int, default=20)
    t.add_argument('--lr', type=float, default=0.1); t.add_argument('--hidden', type=int, default=500)
    t.add_argument('--save_every', type=int, default=10); t.add_argument('--seed', type=int, default=0)
    t.add_argument('--threads', type=int, default=1)
    t.add_argument('--init', help='a saved model to continue training (its epochs and minutes count)')
    t.add_argument('--momentum', type=float, default=0.5, help='momentum for the first 5 epochs')
    t.add_argument('--final_momentum', type=float, default=0.9, help='momentum after epoch 5')
    e = sub.add_parser('evaluate')
    e.add_argument('models', nargs='*'); e.add_argument('--chains', type=int, default=100)
    e.add_argument('--betas', type=int, default=14500); e.add_argument('--seed', type=int, default=0)
    e.add_argument('--threads', type=int, default=1)
    d = sub.add_parser('dbn')
    d.add_argument('model'); d.add_argument('--hidden', type=int, default=500); d.add_argument('--epochs', type=int, default=10)
    d.add_argument('--lr', type=float, default=0.05); d.add_argument('--k', type=int, default=1)
    d.add_argument('--method', default='cd', choices=['cd', 'pcd']); d.add_argument('--samples', type=int, default=10)
    d.add_argument('--chains', type=int, default=100); d.add_argument('--betas', type=int, default=14500)
    d.add_argument('--seed', type=int, default=0); d.add_argument('--threads', type=int, default=1)
    d.add_argument('--flip', action='store_true', help='start the top RBM from the first one upside down (W2 = W1^T)')
    args = p.parse_args()
    OUT.mkdir(exist_ok=True); RESULTS.mkdir(exist_ok=True)
    dict(train=train, evaluate=evaluate, dbn=dbn)[args.cmd](args)
