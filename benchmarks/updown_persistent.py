"""Benchmark: does up-down lower label-clamped agreement because of its CD-k top level? (issue 17, section 1)

    OMP_NUM_THREADS=1 nice python benchmarks/updown_persistent.py --data ../shared/data/mnist --seed S --top cd     # and --top pcd
    OMP_NUM_THREADS=1 nice python benchmarks/generation.py benchmarks/out/updown_{cd,pcd}_top300_seed$S.pt \\
        --data ../shared/data/mnist --label updown_persistent_s$S --n_per_digit 50 --threads 1
    python benchmarks/updown_persistent.py --summary

dbn_train's up-down phase lowered agreement by 5-11 points on every seed (generation_summary.md, 2026-12-02) while it
raised the variational bound. In it, as in Hinton, Osindero and Teh (2006), the top RBM's negative statistics and the
sleep pass both start from a CD-k chain begun at the wake pass's own state. A suspect: CD-k at the top undoes what PCD
taught the top RBM (states far from the data get too little negative weight), and the sleep pass dreams from near the
data rather than from the model. The alternative tried here keeps 100 persistent chains at the top (PCD-k, Tieleman
2008): the top RBM's negative statistics come from them, and the sleep pass starts at their state, a sample of the
model as wake-sleep's sleep phase asks for. Everything else is chapter 7's `up_down_step`. (The runs of 2026-12-03
used a prototype written here first; it gave the same weights as the package's UpDownOptions(method='pcd'), bit for
bit, and was then replaced by it.) --top
cd_top_frozen and cd_lower_frozen run chapter 7's up-down with the top RBM, or the directed layers, put back to their
start after every update, to see which part's training moves agreement. --start pcd starts from dbn_train's default
top RBM (30 epochs) instead of the 300-epoch one, --start pcd@160 the 160-epoch one; --k, --epochs and --lr change up-down's
k, epochs and initial rate.

Both start from the same DBN: dbn_train's default lower RBMs for the seed with a top RBM trained 300 epochs by PCD
(top_rbm_recipes.py --epochs 300: 93.6 +/- 0.3% agreement over seeds 0-2), and train on the same binarised training
images 0..49,999 with their labels, 15 epochs at lr 0.002 decaying linearly to 0, k = 3, batch 100 (dbn_train's up-down
recipe), the same generator seed. Chosen on what the choice may see: the generative error on validation images
50,000..59,999 here, and agreement judged by generation.py's CNN (trained on training images only).
"""
import argparse, dataclasses, json, os, statistics, sys, time
from pathlib import Path
import torch
from dbn_book.data import load_mnist, mnist_tensors
from dbn_book.dbn import DBN, predict_labels
from dbn_book.core import lr_factor
from dbn_book.updown import UpDownOptions, UpDownTrainer, up_down_step

HERE = Path(__file__).parent
OUT, RESULTS = HERE / 'out', HERE / 'results'


class FrozenUpDownTrainer(UpDownTrainer):
    "chapter 7's up-down with one part of the DBN held at its start after every step: 'top' (the top RBM) or 'lower' (the directed layers)."
    def __init__(self, dbn, v_train, y_train, options, freeze, **kw):
        super().__init__(dbn, v_train, y_train, options, **kw)
        held = [dbn.top] if freeze == 'top' else list(dbn.rbms[:-1])
        self.held = [p for m in held for p in m.parameters()] + ([] if freeze == 'top' else list(dbn.gen_W) + list(dbn.gen_b))
        self.start = [p.detach().clone() for p in self.held]

    def postfix(self, record): return {}

    def run_epoch(self, bar=None):
        o, n = self.o, len(self.v)
        order = torch.randperm(n, generator=self.g, device=self.device)
        for i in range(0, n, o.batch):
            idx = order[i:i + o.batch]
            eps = o.lr * lr_factor(o.schedule, self.step / (self.epochs * self.n_batches)); self.step += 1
            up_down_step(self.dbn, self.v[idx], self.y[idx], eps, o.k, self.g)
            with torch.no_grad():
                for p, s in zip(self.held, self.start): p.copy_(s)
        return {'epoch': self.epoch + 1, 'lr': eps} # Trainer.run adds the epoch's seconds


def summary():
    "Per start and variant: agreement (mean, sd, seeds), label-free extremes and generative errors, paired with the start."
    rows = [json.loads(l) for l in open(RESULTS / 'updown_persistent.jsonl')]
    judged = {} # checkpoint name -> generation.py's record, the latest judging (the most samples) last
    for p in sorted(RESULTS.glob('generation_*.json'), key=lambda p: json.loads(p.read_text())['started']):
        if any(k in p.name for k in ('updown_persistent', 'updown_rate', 'top_rbm_recipes_pcd300', 'top_rbm_recipes_pcd160')):
            g = json.loads(p.read_text())
            for m in g['models']: judged[Path(m['checkpoint']).name] = (m, p.name, g['settings']['n_per_digit'])
    agree = lambda name: judged[name][0]['agreement_pct']['overall'] if name in judged else None
    pct = lambda rs, key: ', '.join('%.2f' % (100 * r[key]) for r in rs)
    ms = lambda xs: f"{statistics.mean(xs):.1f} +/- {statistics.stdev(xs):.1f}%" if len(xs) > 1 else f"{xs[0]:.1f}%"
    groups = {}
    for r in rows: groups.setdefault((Path(r['start']).name.split('_seed')[0], r['top'] + ('' if r['k'] == 3 else f"-{r['k']}")
                                      + ('' if r.get('lr', 0.002) == 0.002 else f" lr {r['lr']:g}"), r['epochs']), {})[r['seed']] = r # the last run of each
    for start in sorted({k[0] for k in groups}):
        before = {s: agree(f'{start}_seed{s}.pt') for s in range(3)}
        print(f"\nstarting from {start} (dbn_train's lower RBMs, the top RBM by top_rbm_recipes.py): agreement "
              + ", ".join(f"seed {s} {a:.1f}%" for s, a in before.items() if a is not None)
              + (f" ({judged[f'{start}_seed0.pt'][2]} samples per digit)" if f'{start}_seed0.pt' in judged else ""))
        print("  up-down (15 epochs, k=3 unless said)  | samples per digit | agreement per seed      | mean +/- sd | paired with the start | smallest/largest label-free class | valid gen. error (start) | test gen. error")
        for (st, top, ep), by_seed in sorted(groups.items()):
            if st != start: continue
            rs = [by_seed[s] for s in sorted(by_seed)]
            names = [Path(r['checkpoint']).name for r in rs]
            a = [agree(n) for n in names]
            if any(x is None for x in a): print(f"  {top}@{ep}: not judged yet"); continue
            free = [judged[n][0]['label_free_pct'] for n in names]
            te = [judged[n][0]['generative_classification_error_pct'] for n in names]
            paired = [x - before[r['seed']] for x, r in zip(a, rs) if before.get(r['seed']) is not None]
            print(f"  {top + ('' if ep == 15 else f' @{ep} epochs'):37s} | {'/'.join(sorted({str(judged[n][2]) for n in names})):17s} | {', '.join(f'{x:.1f}' for x in a):23s} | {ms(a):11s} | "
                  f"{', '.join(f'{d:+.1f}' for d in paired):21s} | {min(f['min'] for f in free):.1f}% / {max(f['max'] for f in free):.1f}%"
                  f"{'':17s} | {pct(rs, 'valid_error_generative')} ({pct(rs, 'valid_error_generative_before')}) | "
                  f"{', '.join(f'{x:.2f}' for x in te)}")


def main():
    if '--summary' in sys.argv: return summary()
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--data', default=os.environ.get('DBN_BOOK_DATA'))
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--top', choices=['cd', 'pcd', 'cd_top_frozen', 'cd_lower_frozen'], required=True,
                    help="the top level of up-down: CD-k from the wake state (chapter 7's), or persistent chains; or chapter 7's with the top "
                         "RBM, or the directed layers, held at their start (where does up-down's change to agreement come from?)")
    ap.add_argument('--epochs', type=int, default=15, help="epochs of up-down (dbn_train's: 15); another number is written in the checkpoint's name")
    ap.add_argument('--start', choices=['pcd@300', 'pcd@160', 'pcd'], default='pcd@300', help="the top RBM to start from (top_rbm_recipes.py's checkpoints): "
                    "trained 300 or 160 epochs by PCD, or 30 as in dbn_train's default")
    ap.add_argument('--lr', type=float, default=0.002, help="up-down's initial rate, decaying linearly to 0 (dbn_train's: 0.002); another is written in the checkpoint's name")
    ap.add_argument('--k', type=int, default=3, help="Gibbs steps in the top RBM per update (dbn_train's: 3); another is written in the checkpoint's name")
    ap.add_argument('--threads', type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    print(f"command: python {' '.join(sys.argv)}   ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
          f"{os.getloadavg()[0]:.2f}); torch {torch.__version__}, {torch.get_num_threads()} threads", flush=True)
    start = OUT / f'top_{a.start}_seed{a.seed}.pt'
    dbn = DBN.load(start)
    v_all, y_all, *_ = mnist_tensors(load_mnist(a.data, download=False), 'sample', a.seed) # as dbn_train binarises them
    v_tr, y_tr, v_va, y_va = v_all[:50_000], y_all[:50_000], v_all[50_000:], y_all[50_000:]
    before = (predict_labels(dbn, v_va) != y_va).float().mean().item()
    o = UpDownOptions(epochs=a.epochs, lr=a.lr, k=a.k, batch=100)
    if a.top == 'cd': t = UpDownTrainer(dbn, v_tr, y_tr, o, seed=a.seed, device='cpu')
    elif a.top == 'pcd': t = UpDownTrainer(dbn, v_tr, y_tr, dataclasses.replace(o, method='pcd'), seed=a.seed, device='cpu')
    else: t = FrozenUpDownTrainer(dbn, v_tr, y_tr, o, a.top.split('_')[1], seed=a.seed, device='cpu')
    t0 = time.perf_counter(); t.run(progress=False); secs = time.perf_counter() - t0
    path = OUT / f"updown_{a.top}{'' if a.k == 3 else f'-{a.k}'}{'' if a.epochs == 15 else f'@{a.epochs}'}{'' if a.lr == 0.002 else f'_lr{a.lr:g}'}_top{a.start.split('@')[1] if '@' in a.start else 30}_seed{a.seed}.pt"
    dbn.save(path)
    rec = dict(seed=a.seed, top=a.top, epochs=a.epochs, lr=a.lr, k=a.k, start=str(start), checkpoint=str(path), seconds=secs,
               valid_error_generative_before=before, valid_error_generative=(predict_labels(dbn, v_va) != y_va).float().mean().item())
    print(json.dumps(rec), flush=True)
    with open(RESULTS / 'updown_persistent.jsonl', 'a') as f: f.write(json.dumps(rec) + '\n')


if __name__ == '__main__':
    main()
